import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// Closing invoices (Schlussrechnungen), created through the admin hook and read through the API.
@Suite(.timeLimit(.minutes(1)))
struct ClosingInvoiceTests {
    private typealias Sales = SalesVoucherConformanceTests

    private static func downPayment(
        _ server: SandboxServer,
        contactID: LexofficeID,
        gross: Decimal
    ) async throws -> LexofficeID {
        var invoice = DownPaymentInvoice(
            voucherDate: try Sales.day("2025-01-15"),
            address: SalesVoucherAddress(contactId: contactID),
            lineItems: [
                LineItem(
                    type: .custom,
                    name: "Abschlag",
                    quantity: 1,
                    unitName: "Pauschal",
                    unitPrice: UnitPrice(currency: .euro, taxRatePercentage: 19, grossAmount: gross)
                )
            ],
            totalPrice: TotalPrice(currency: .euro),
            taxConditions: TaxConditions(taxType: .gross),
            shippingConditions: ShippingConditions(shippingType: .noShippingDate)
        )
        invoice.title = "1. Abschlagsrechnung"
        let created = try await SandboxHarness.admin(
            server,
            "down-payment-invoices?finalize=true",
            body: try SandboxHarness.json(invoice)
        )
        #expect(created.status == 201)
        return try LexofficeID(try #require(created.json?["id"]?.stringValue))
    }

    private static func closing(
        _ server: SandboxServer,
        _ invoice: Invoice,
        deducting ids: [LexofficeID]
    ) async throws -> (status: Int, id: LexofficeID?) {
        let body =
            #"{"invoice":\#(try SandboxHarness.json(invoice)),"downPaymentInvoiceIds":["#
            + ids.map { #""\#($0)""# }.joined(separator: ",") + "]}"
        let response = try await SandboxHarness.admin(server, "closing-invoices?finalize=true", body: body)
        return (response.status, response.json?["id"]?.stringValue.flatMap { try? LexofficeID($0) })
    }

    @Test("a closing invoice deducts what was received for its down payments and links both ways")
    func deductions() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let contactID = try await Sales.customer(client)
            let paid = try await Self.downPayment(server, contactID: contactID, gross: 1500)
            let unpaid = try await Self.downPayment(server, contactID: contactID, gross: 500)
            #expect(try await SandboxHarness.admin(server, "payments/\(paid)", body: #"{"amount":1500}"#).status == 204)
            let invoice = try Sales.invoice(
                [Sales.line("Umbau Werkstatt", 1, net: 4000, rate: 19)],
                contactID: contactID
            )
            let created = try await Self.closing(server, invoice, deducting: [paid, unpaid])
            #expect(created.status == 201)
            let id = try #require(created.id)

            let closing = try await client.invoices.get(id)
            #expect(closing.closingInvoice == true)
            #expect(closing.totalPrice.totalGrossAmount == 4760)
            #expect(closing.claimedGrossAmount == 3260, "4760 − 1500 received; the unpaid 500 is not deducted")
            let deductions = try #require(closing.downPaymentDeductions)
            #expect(deductions.map(\.id) == [paid, unpaid])
            #expect(deductions[0].voucherType == .downPaymentInvoice)
            #expect(deductions[0].voucherNumber == "RE0001")
            #expect(deductions[0].title == "1. Abschlagsrechnung")
            #expect(deductions[0].receivedGrossAmount == 1500)
            #expect(deductions[0].receivedNetAmount == Decimal(string: "1260.50"))
            #expect(deductions[0].receivedTaxAmount == Decimal(string: "239.50"))
            #expect(deductions[0].taxRatePercentage == 19)
            #expect(deductions[1].receivedGrossAmount == 0)
            #expect(Set((closing.relatedVouchers ?? []).map(\.id)) == [paid, unpaid])
            #expect(try await client.payments(ofVoucher: id).openAmount == 3260)

            let downPayment = try await client.downPaymentInvoices.get(paid)
            #expect(downPayment.closingInvoiceId == id)
            #expect(downPayment.relatedVouchers?.map(\.id) == [id])

            let ordinary = try await client.invoices.create(try Sales.invoice([Sales.line("A", 1, net: 1, rate: 19)]))
            let plain = try await client.invoices.get(ordinary.id)
            #expect(plain.closingInvoice == false)
            #expect(plain.claimedGrossAmount == nil)
            #expect(plain.downPaymentDeductions == nil)
        }
    }

    @Test("a closing invoice cannot be pursued to a credit note; a down payment is deducted only once")
    func rules() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let contactID = try await Sales.customer(client)
            let downPayment = try await Self.downPayment(server, contactID: contactID, gross: 100)
            let invoice = try Sales.invoice([Sales.line("Umbau", 1, net: 400, rate: 19)], contactID: contactID)
            let id = try #require(try await Self.closing(server, invoice, deducting: [downPayment]).id)
            #expect(try await Self.closing(server, invoice, deducting: [downPayment]).status == 409)
            #expect(try await Self.closing(server, invoice, deducting: []).status == 406)
            #expect(try await Self.closing(server, invoice, deducting: [.random()]).status == 404)

            let creditNote = CreditNote(
                voucherDate: try Sales.day("2025-03-14"),
                address: SalesVoucherAddress(contactId: contactID),
                lineItems: [Sales.line("Storno", 1, net: 10, rate: 19)],
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net)
            )
            let refused = await #expect(throws: LexofficeError.self) {
                try await client.creditNotes.create(creditNote, finalize: true, precedingSalesVoucherID: id)
            }
            #expect(refused?.status == 406)
        }
    }
}
