import Foundation
import KontorCore
import LexofficeKit
import LexofficeSandbox
import Testing

/// The voucher variant's amounts, checked by the sandbox's bookkeeping consistency rules (totals equal the item
/// sums, each item's tax within a cent of its rate).
@Suite("Source invoices as bookkeeping vouchers in the sandbox", .timeLimit(.minutes(1)))
struct SourceVoucherMappingSandboxTests {
    private typealias Invoices = SourceInvoiceMappingSandboxTests

    /// Creates the voucher of `source` for a new contact and reads it back.
    private static func voucher(_ source: SourceInvoice, isCancellation: Bool = false) async throws -> Voucher {
        #expect(source.validationIssues(sourceID: "v-1") == [])
        let configuration = SandboxConfiguration(rateLimit: nil, defaultAPIKey: "voucher-mapping-key")
        return try await SandboxServer.withRunningServer(configuration) { server in
            let client = LexofficeClient(
                configuration: LexofficeClientConfiguration(baseURL: server.baseURL, requestsPerSecond: 0),
                credentials: StaticAPIKey(server.defaultAPIKey),
                pacerRegistry: RequestPacerRegistry()
            )
            let contact = try await client.contacts.create(source.customer.lexofficeContact()).id
            let body = try source.lexofficeVoucher(contactID: contact, isCancellation: isCancellation)
            let created = try await client.vouchers.create(body)
            let voucher = try await client.vouchers.get(created.id)
            #expect(voucher.voucherNumber == source.number)
            #expect(voucher.contactId == contact)
            return voucher
        }
    }

    @Test("net, two tax rates, line and total discount: one item per rate, tax per the bookkeeping rule")
    func netTwoRates() async throws {
        let voucher = try await Self.voucher(Invoices.netCompanyInvoice)
        // 19 %: round2(191.25 × 0.975) = 186.47, tax round2(35.4293) = 35.43; 7 %: round2(39.90 × 0.975) = 38.90,
        // tax round2(2.723) = 2.72 — the same totals lexoffice computes for the invoice (263.52 gross, 38.15 tax).
        #expect(voucher.type == .salesInvoice)
        #expect(voucher.taxType == .net)
        #expect(voucher.voucherItems?.map(\.taxRatePercent) == [7, 19])
        #expect(
            voucher.voucherItems?.map(\.amount)
                == [Decimal(string: "38.9"), Decimal(string: "186.47")].compactMap { $0 }
        )
        #expect(
            voucher.voucherItems?.map(\.taxAmount)
                == [Decimal(string: "2.72"), Decimal(string: "35.43")].compactMap { $0 }
        )
        #expect(voucher.totalGrossAmount == Decimal(string: "263.52"))
        #expect(voucher.totalTaxAmount == Decimal(string: "38.15"))
    }

    @Test("gross prices: items are gross, the tax is the part contained in them")
    func gross() async throws {
        let voucher = try await Self.voucher(Invoices.grossPersonInvoice)
        #expect(voucher.taxType == .gross)
        let items = try #require(voucher.voucherItems)
        #expect(voucher.totalGrossAmount == items.reduce(Decimal(0)) { $0 + $1.amount })
        #expect(voucher.totalTaxAmount == items.reduce(Decimal(0)) { $0 + $1.taxAmount })
    }

    @Test("vat-free: the small-business category and no tax; a cancellation is a revenue reduction")
    func vatFreeCancellation() async throws {
        var cancellation = Invoices.vatFreeInvoice
        cancellation.lineItems = cancellation.lineItems.map { line in
            var negative = line
            negative.unitPrice = SourceUnitPrice(net: line.unitPrice.net.map { -$0 })
            return negative
        }
        let voucher = try await Self.voucher(cancellation, isCancellation: true)
        #expect(voucher.type == .salesCreditNote)
        #expect(voucher.totalTaxAmount == 0)
        #expect((voucher.totalGrossAmount ?? 0) > 0, "credited amounts are positive")
        #expect(voucher.voucherItems?.first?.categoryId.rawValue == "7a1efa0e-6283-4cbf-9583-8e88d3ba5960")
    }
}
