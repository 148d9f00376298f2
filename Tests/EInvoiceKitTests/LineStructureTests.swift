import EInvoiceKit
import Foundation
import Testing

/// Only top-level lines add up to BT-106; documents without lines are checked on their totals.
struct LineStructureTests {
    private static let lineStart = "<ram:IncludedSupplyChainTradeLineItem>"
    private static let lineEnd = "</ram:IncludedSupplyChainTradeLineItem>"

    @Test("a sub-line (ParentLineID) and an information line do not count again")
    func subLinesDoNotCount() throws {
        let text = try Samples.text("cii/EN16931_Einfach.cii.xml")
        let first = try #require(text.range(of: Self.lineStart))
        let subLine = """
            <ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument><ram:LineID>1.1</ram:LineID>\
            <ram:ParentLineID>1</ram:ParentLineID></ram:AssociatedDocumentLineDocument><ram:SpecifiedLineTradeSettlement>\
            <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>100.00</ram:LineTotalAmount>\
            </ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>\
            </ram:IncludedSupplyChainTradeLineItem>
            """
        let information = subLine.replacingOccurrences(
            of: "<ram:ParentLineID>1</ram:ParentLineID>",
            with: "<ram:LineStatusReasonCode>INFORMATION</ram:LineStatusReasonCode>"
        )
        let tampered = text.replacingCharacters(in: first.lowerBound..<first.lowerBound, with: subLine + information)
        let invoice = try EInvoiceReader().read(Data(tampered.utf8))
        #expect(invoice.lines.map(\.id) == ["1", "2"])
    }

    @Test("an invoice without lines (Factur-X BASIC WL) is checked on its totals and tax breakdown")
    func withoutLines() throws {
        var text = try Samples.text("cii/EN16931_Einfach.cii.xml")
        while let start = text.range(of: Self.lineStart), let end = text.range(of: Self.lineEnd) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        let invoice = try EInvoiceReader().read(Data(text.utf8))
        #expect(invoice.lines.isEmpty)
        #expect(invoice.totals.amountDue == decimal("529.87"))
        let broken = text.replacingOccurrences(
            of: "<ram:DuePayableAmount>529.87<",
            with: "<ram:DuePayableAmount>530.87<"
        )
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(Data(broken.utf8)) }
        #expect(error.rule == "BR-CO-16")
    }
}
