import Foundation
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import Testing

/// `payment.changed` on every status transition that changes a voucher's payment situation, and the payment
/// status by voucher side (payments.md).
@Suite(.timeLimit(.minutes(1)))
struct PaymentEventTests {
    private typealias Sales = SalesVoucherConformanceTests
    private typealias Vouchers = VoucherConformanceTests

    @Test("finalizing a draft, voiding it and opening an unchecked voucher each announce payment.changed")
    func statusTransitions() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, "{}") }) { receiver in
            try await SandboxHarness.withSandbox { server, client in
                _ = try await client.eventSubscriptions.create(
                    NewEventSubscription(eventType: .paymentChanged, callbackUrl: receiver.baseURL + "/hooks")
                )
                let invoiceID = try await client.invoices.create(
                    try Sales.invoice([Sales.line("Wartung", 1, net: 100, rate: 19)])
                ).id
                #expect(try await SandboxHarness.admin(server, "sales-vouchers/\(invoiceID)/finalize").status == 204)
                #expect(try await eventually { receiver.requests.count == 1 })
                let voided = try await SandboxHarness.admin(
                    server,
                    "sales-vouchers/\(invoiceID)/status",
                    body: #"{"voucherStatus":"voided"}"#
                )
                #expect(voided.status == 204)
                #expect(try await eventually { receiver.requests.count == 2 })

                let voucherID = try Vouchers.createdID(
                    try await Vouchers.post(try Vouchers.fixture("voucher-unchecked-create.json"), to: server)
                )
                var voucher = try await client.vouchers.get(voucherID)
                voucher.voucherStatus = .open
                voucher.voucherNumber = "ER-2025-0311"
                voucher.voucherDate = .day(try PlainDate("2025-03-11"))
                voucher.totalGrossAmount = 119
                voucher.totalTaxAmount = 19
                voucher.voucherItems = [
                    VoucherItem(
                        amount: 119,
                        taxAmount: 19,
                        taxRatePercent: 19,
                        categoryId: try LexofficeID(Vouchers.purchaseCategory)
                    )
                ]
                _ = try await client.vouchers.update(voucher, id: voucherID)
                #expect(try await eventually { receiver.requests.count == 3 })
                let resources = try receiver.requests.map {
                    try JSONDecoder().decode(WebhookCallback.self, from: Data($0.body)).resourceId
                }
                #expect(resources == [invoiceID, invoiceID, voucherID])
                #expect(try await client.payments(ofVoucher: voucherID).paymentStatus == .openExpense)
            }
        }
    }

    @Test("an open credit note of its own is openRevenue, as payments.md documents for sales credit notes")
    func creditNoteSide() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let creditNote = CreditNote(
                voucherDate: try Sales.day("2025-03-14"),
                address: SalesVoucherAddress(name: "Muster Werkstatt GmbH", countryCode: "DE"),
                lineItems: [Sales.line("Gutschrift", 1, net: 100, rate: 19)],
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net)
            )
            let id = try await client.creditNotes.create(creditNote, finalize: true).id
            let payment = try await client.payments(ofVoucher: id)
            #expect(payment.paymentStatus == .openRevenue)
            #expect(payment.openAmount == 119)
        }
    }
}
