import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `GET /v1/voucherlist`: required filters, every optional filter, sort, paging and the dynamic `overdue`.
@Suite(.timeLimit(.minutes(1)))
struct VoucherListConformanceTests {
    private typealias Sales = SalesVoucherConformanceTests

    /// Three invoices (draft RE0001, open RE0002 and RE0003 for a contact) and a quotation.
    private static func seed(_ client: LexofficeClient) async throws -> LexofficeID {
        let contactID = try await Sales.customer(client)
        let line = Sales.line("Wartung", 1, net: 100, rate: 19)
        _ = try await client.invoices.create(try Sales.invoice([line]))
        _ = try await client.invoices.create(try Sales.invoice([line]), finalize: true)
        var later = try Sales.invoice([line], contactID: contactID)
        later.voucherDate = try Sales.day("2025-04-02")
        later.shippingConditions = ShippingConditions(shippingType: .service, shippingDate: try Sales.day("2025-04-01"))
        _ = try await client.invoices.create(later, finalize: true)
        let quotation = Quotation(
            voucherDate: try Sales.day("2025-03-01"),
            expirationDate: try Sales.day("2025-04-01"),
            address: SalesVoucherAddress(name: "Kunde", countryCode: "DE"),
            lineItems: [line],
            totalPrice: TotalPrice(currency: .euro),
            taxConditions: TaxConditions(taxType: .net)
        )
        _ = try await client.quotations.create(quotation, finalize: true)
        return contactID
    }

    private static func numbers(
        _ client: LexofficeClient,
        _ filter: VoucherListFilter,
        sort: ListSort<VoucherListSortProperty>? = nil
    ) async throws -> [String] {
        try await client.voucherList.page(filter, sort: sort, page: PageRequest()).content.compactMap(\.voucherNumber)
    }

    @Test("types, statuses, contact, dates, number and sort narrow and order the list")
    func filters() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let contactID = try await Self.seed(client)
            let invoices = VoucherListFilter(voucherTypes: .only([.invoice]), voucherStatuses: .any)
            #expect(
                try await Self.numbers(client, invoices, sort: .ascending(.voucherNumber)) == [
                    "RE0001", "RE0002", "RE0003",
                ]
            )
            let byDate = try await Self.numbers(client, invoices)
            #expect(byDate.first == "RE0003", "the default order is voucherDate, newest first")
            let open = VoucherListFilter(voucherTypes: .any, voucherStatuses: .only([.open]))
            #expect(Set(try await Self.numbers(client, open)) == ["RE0002", "RE0003", "AG0001"])
            var byContact = invoices
            byContact.contactID = contactID
            #expect(try await Self.numbers(client, byContact) == ["RE0003"])
            var march = invoices
            march.voucherDateFrom = try PlainDate("2025-03-01")
            march.voucherDateTo = try PlainDate("2025-03-31")
            #expect(Set(try await Self.numbers(client, march)) == ["RE0001", "RE0002"])
            var byNumber = VoucherListFilter(voucherTypes: .any, voucherStatuses: .any)
            byNumber.voucherNumber = "RE0002"
            let page = try await client.voucherList.page(byNumber, page: PageRequest())
            let item = try #require(page.content.first)
            #expect(page.content.count == 1)
            #expect(item.totalAmount == 119)
            #expect(item.openAmount == 119)
            #expect(item.contactName == "Muster Werkstatt GmbH")
            #expect(item.dueDate?.description == "2025-03-24T00:00:00.000+01:00")
            let descending = try await Self.numbers(client, invoices, sort: .descending(.voucherDate))
            #expect(descending.first == "RE0003")
        }
    }

    @Test("open invoices past their due date show as overdue and are found by `overdue` and `open`")
    func overdue() async throws {
        try await SandboxHarness.withSandbox { server, client in
            _ = try await Self.seed(client)
            let clock = server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/clock")
            let moved = try await SandboxHarness.send(
                "POST",
                clock,
                apiKey: nil,
                body: #"{"now":"2025-03-30T12:00:00.000+02:00"}"#
            )
            #expect(moved.status == 200)
            let overdue = VoucherListFilter(voucherTypes: .only([.invoice]), voucherStatuses: .only([.overdue]))
            #expect(try await Self.numbers(client, overdue) == ["RE0002"])
            let open = VoucherListFilter(voucherTypes: .only([.invoice]), voucherStatuses: .only([.open]))
            let items = try await client.voucherList.page(open, page: PageRequest()).content
            #expect(Set(items.map(\.voucherStatus)) == [.overdue, .open])
        }
    }

    @Test("missing or malformed parameters are 400 naming the parameter")
    func badParameters() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            for query in [
                "voucherStatus=open", "voucherType=invoice", "voucherType=invoice&voucherStatus=overdue,open",
                "voucherType=invoice&voucherStatus=open&voucherDateFrom=2025-01-01T00:00:00%2B00:00",
                "voucherType=bill&voucherStatus=open", "voucherType=any&voucherStatus=any&sort=amount,DESC",
                "voucherType=any&voucherStatus=any&size=251",
            ] {
                let response = try await SandboxHarness.send(
                    "GET",
                    server.baseURL + "/voucherlist?" + query,
                    apiKey: server.defaultAPIKey
                )
                #expect(response.status == 400, "\(query)")
                #expect(response.json?["status"] == .number(400))
            }
        }
    }
}
