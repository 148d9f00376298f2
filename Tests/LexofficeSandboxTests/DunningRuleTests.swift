import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// Whether only overdue invoices can be dunned is unconfirmed: off by default, configurable.
@Suite(.timeLimit(.minutes(1)))
struct DunningRuleTests {
    private typealias Sales = SalesVoucherConformanceTests

    private static func dunning(for contactID: LexofficeID) throws -> Dunning {
        Dunning(
            voucherDate: try Sales.day("2025-04-10"),
            address: SalesVoucherAddress(contactId: contactID),
            lineItems: [Sales.line("Mahngebühr", 1, net: 5, rate: 0)],
            totalPrice: TotalPrice(currency: .euro),
            taxConditions: TaxConditions(taxType: .net),
            shippingConditions: ShippingConditions(shippingType: .noShippingDate)
        )
    }

    /// A finalized invoice of 2025-03-10, due 14 days later (2025-03-24), with the clock on 2025-03-20.
    private static func invoiceDueLater(
        _ server: SandboxServer,
        _ client: LexofficeClient
    ) async throws -> (
        invoiceID: LexofficeID, contactID: LexofficeID
    ) {
        let clock = try await SandboxHarness.admin(server, "clock", body: #"{"now":"2025-03-20T12:00:00.000+01:00"}"#)
        #expect(clock.status == 200)
        let contactID = try await Sales.customer(client)
        let invoiceID = try await client.invoices.create(
            try Sales.invoice([Sales.line("Wartung", 1, net: 100, rate: 19)], contactID: contactID),
            finalize: true
        ).id
        return (invoiceID, contactID)
    }

    @Test("configured, a dunning for an invoice not yet due is refused; once overdue it is accepted")
    func overdueRequired() async throws {
        let configuration = SandboxConfiguration(rateLimit: nil, dunningRequiresOverdueInvoice: true)
        try await SandboxHarness.withSandbox(configuration) { server, client in
            let (invoiceID, contactID) = try await Self.invoiceDueLater(server, client)
            let early = await #expect(throws: LexofficeError.self) {
                try await client.dunnings.create(try Self.dunning(for: contactID), precedingSalesVoucherID: invoiceID)
            }
            #expect(early?.status == 406)
            #expect(early?.field == "precedingSalesVoucherId")
            _ = try await SandboxHarness.admin(server, "clock", body: #"{"advanceSeconds":864000}"#)
            let dunning = try await client.dunnings.create(
                try Self.dunning(for: contactID),
                precedingSalesVoucherID: invoiceID
            )
            #expect(try await client.dunnings.get(dunning.id).voucherStatus == .draft)
        }
    }

    @Test("by default any finalized invoice can be dunned, due or not")
    func anyInvoiceByDefault() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let (invoiceID, contactID) = try await Self.invoiceDueLater(server, client)
            let dunning = try await client.dunnings.create(
                try Self.dunning(for: contactID),
                precedingSalesVoucherID: invoiceID
            )
            #expect(try await client.dunnings.get(dunning.id).relatedVouchers?.first?.id == invoiceID)
        }
    }
}
