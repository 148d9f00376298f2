import Foundation
import HTTPTypes
import KontorCore
import KontorStore
import LexofficeKit
import LexofficeSandbox
import Testing

/// The `voucher` transfer variant against the sandbox over HTTP: bookkeeping vouchers with the source's number and
/// PDF, cancellations as revenue reductions.
@Suite("Invoice transfer: voucher variant", .timeLimit(.minutes(2)))
struct VoucherTransferTests {
    private typealias Transfers = InvoiceTransferTests

    /// A one-page PDF, base64.
    private static let pdf =
        "JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZz4+ZW5kb2JqCnRyYWlsZXI8PC9Sb290IDEgMCBSPj4KJSVFT0YK"

    private static func withPDF(_ invoice: String) -> String {
        invoice.replacingOccurrences(of: #""status":"#, with: #""pdf":"\#(pdf)","status":"#)
    }

    @Test("a voucher with the source's number, amounts per tax rate and the PDF; a cancellation is a credit voucher")
    func voucherAndCancellation() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub, settings: #"{"transferVariant":"voucher"}"#)
            let before = try await Transfers.journal(hub).count
            let invoice = Self.withPDF(Transfers.invoice(number: "R-1"))
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: invoice).status == 202)
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "transferred") })
            let requests = Array(try await Transfers.journal(hub).dropFirst(before)).filter { $0.contains("/v1/") }
            #expect(
                requests.filter { $0.contains("/v1/vouchers") }.count == 2,
                "voucher and file: 2 requests: \(requests)"
            )

            let transferred = try await Transfers.transfer(hub, "inv-1")
            #expect(transferred["voucherNumber"] as? String == "R-1")
            #expect(transferred["totalsDifference"] == nil)
            #expect((transferred["deepLink"] as? String)?.contains("/permalink/vouchers/view/") == true)
            let client = LexofficeClient(
                configuration: LexofficeClientConfiguration(baseURL: hub.sandbox.baseURL, requestsPerSecond: 0),
                credentials: StaticAPIKey(Secret(hub.sandbox.defaultAPIKey))
            )
            let voucher = try await client.vouchers.get(
                try LexofficeID(try #require(transferred["lexofficeId"] as? String))
            )
            #expect(voucher.type == .salesInvoice)
            #expect(voucher.voucherNumber == "R-1")
            #expect(voucher.totalGrossAmount == Decimal(string: "252.88"))
            #expect(voucher.totalTaxAmount == Decimal(string: "40.38"))
            #expect(voucher.voucherItems?.count == 1)
            #expect(voucher.files?.count == 1, "the source PDF is attached")

            let storno = Self.withPDF(
                Transfers.invoice(number: "S-1", cancels: "inv-1", unitPrice: "-85", totals: #"{"gross":-252.88}"#)
            )
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/st-1", json: storno).status == 202)
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["st-1"], are: "transferred") })
            let cancellation = try await Transfers.transfer(hub, "st-1")
            #expect(cancellation["totalsDifference"] == nil)
            let credit = try await client.vouchers.get(
                try LexofficeID(try #require(cancellation["lexofficeId"] as? String))
            )
            #expect(credit.type == .salesCreditNote)
            #expect(credit.totalGrossAmount == Decimal(string: "252.88"))
        }
    }

    @Test("the voucher variant needs the PDF: 422 on #/pdf when saved, a failed transfer when stored before")
    func missingPDF() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub, settings: #"{"autoTransfer":false}"#)
            let invoice = Transfers.invoice(number: "R-1")
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: invoice).status == 202)
            let patched = try await hub.send(
                .patch,
                "/api/v1/tenants/acme",
                json: #"{"settings":{"transferVariant":"voucher","autoTransfer":true}}"#
            )
            #expect(patched.status == 200, "\(patched.body)")

            let refused = try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-2", json: invoice)
            #expect(refused.status == 422)
            let errors = try refused.json()["errors"] as? [[String: Any]]
            #expect(errors?.map { $0["pointer"] as? String } == ["#/pdf"])

            let export = try await hub.send(
                .post,
                "/api/v1/tenants/acme/exports",
                json: #"{"from":"2026-03-01","to":"2026-03-31"}"#
            )
            #expect(export.status == 202)
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "failed") })
            let failed = try await Transfers.transfer(hub, "inv-1")
            #expect((failed["stateReason"] as? String)?.contains("no pdf") == true)
        }
    }
}
