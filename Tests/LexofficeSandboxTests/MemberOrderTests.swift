import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// JSON members come out in one stable order, that of lexoffice's documented samples, so that identical requests
/// get byte-identical bodies.
@Suite(.timeLimit(.minutes(1)))
struct MemberOrderTests {
    /// A request and the documented sample its answer is compared with.
    private struct Exchange {
        var method = "GET"
        var path: String
        var body: String?
        var sample: String
    }

    /// A contact, an article, a finalized invoice and a bookkeeping voucher; the requests that read them, each
    /// with its sample.
    private static func arrange(_ server: SandboxServer, _ client: LexofficeClient) async throws -> [Exchange] {
        let contactID = try LexofficeID(try await create("contacts", sample: "contact-create.json", on: server))
        let articleID = try await create("articles", sample: "article-create.json", on: server)
        var invoice = try Invoice.fixture("invoice-create.json")
        invoice.address = SalesVoucherAddress(contactId: contactID)
        invoice.lineItems[1].id = try LexofficeID(articleID)
        let invoiceID = try await client.invoices.create(invoice, finalize: true).id
        let voucher = try await VoucherConformanceTests.post(
            try VoucherConformanceTests.fixture("voucher-create.json"),
            to: server
        )
        let voucherID = try VoucherConformanceTests.createdID(voucher)
        _ = try await create(
            "event-subscriptions",
            sample: "event-subscription-create.json",
            on: server
        )
        var salesVouchers: [Exchange] = []
        for kind in ["credit-note", "quotation", "order-confirmation", "delivery-note"] {
            let body = String(decoding: try Fixtures.lexoffice("\(kind)-create.json"), as: UTF8.self)
                .replacingOccurrences(of: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", with: contactID.rawValue)
            let id = try await create("\(kind)s", body: body, on: server)
            salesVouchers.append(Exchange(path: "\(kind)s/\(id)", sample: "\(kind)-get.json"))
        }
        return salesVouchers + [
            Exchange(path: "contacts/\(contactID)", sample: "contact-get.json"),
            Exchange(path: "contacts?name=Radhaus", sample: "contacts-page.json"),
            Exchange(path: "articles/\(articleID)", sample: "article-get.json"),
            Exchange(path: "articles", sample: "articles-page.json"),
            Exchange(path: "invoices/\(invoiceID)", sample: "invoice-get.json"),
            Exchange(path: "voucherlist?voucherType=invoice&voucherStatus=open", sample: "voucherlist-page.json"),
            Exchange(path: "vouchers/\(voucherID)", sample: "voucher-get.json"),
            Exchange(path: "vouchers?voucherNumber=SHOP-2025-1187", sample: "vouchers-page.json"),
            Exchange(path: "payments/\(invoiceID)", sample: "payment-open.json"),
            Exchange(path: "profile", sample: "profile.json"),
            Exchange(path: "countries", sample: "countries.json"),
            Exchange(path: "payment-conditions", sample: "payment-conditions.json"),
            Exchange(path: "posting-categories", sample: "posting-categories.json"),
            Exchange(path: "print-layouts", sample: "print-layouts.json"),
            Exchange(path: "event-subscriptions", sample: "event-subscriptions.json"),
            Exchange(
                method: "POST",
                path: "invoices",
                body: String(decoding: try LexofficeJSON.encode(invoice), as: UTF8.self),
                sample: "invoice-create-response.json"
            ),
            Exchange(method: "POST", path: "invoices", body: "{}", sample: "error-regular-406.json"),
            Exchange(method: "POST", path: "contacts", body: #"{"version":0}"#, sample: "error-legacy-406.json"),
        ]
    }

    /// POSTs a documented create sample; the new resource's id.
    private static func create(_ resource: String, sample: String, on server: SandboxServer) async throws -> String {
        try await create(resource, body: String(decoding: try Fixtures.lexoffice(sample), as: UTF8.self), on: server)
    }

    /// POSTs `body`; the new resource's id.
    private static func create(_ resource: String, body: String, on server: SandboxServer) async throws -> String {
        let created = try await SandboxHarness.send(
            "POST",
            server.baseURL + "/" + resource,
            apiKey: server.defaultAPIKey,
            body: body
        )
        #expect(created.status == 201, "\(resource): \(created.text)")
        return try #require(created.json?["id"]?.stringValue)
    }

    private static func send(_ exchange: Exchange, to server: SandboxServer) async throws -> String {
        try await SandboxHarness.send(
            exchange.method,
            server.baseURL + "/" + exchange.path,
            apiKey: server.defaultAPIKey,
            body: exchange.body
        ).text
    }

    @Test("contacts, articles, invoices, voucherlist pages, vouchers, errors … list members in the sample's order")
    func sampleOrder() async throws {
        try await SandboxHarness.withSandbox { server, client in
            for exchange in try await Self.arrange(server, client) {
                let body = JSONMemberOrder(parsing: try await Self.send(exchange, to: server))
                let sample = JSONMemberOrder(
                    parsing: String(decoding: try Fixtures.lexoffice(exchange.sample), as: UTF8.self)
                )
                let differences = body.orderDifferences(from: sample)
                #expect(
                    differences.isEmpty,
                    "\(exchange.method) \(exchange.path) vs \(exchange.sample): \(differences.prefix(3))"
                )
            }
        }
    }

    @Test("identical requests answer byte-identical bodies")
    func identicalBodies() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let reads = try await Self.arrange(server, client).filter { $0.method == "GET" }
            var first: [String] = []
            for exchange in reads { first.append(try await Self.send(exchange, to: server)) }
            for _ in 0..<2 {
                for (exchange, expected) in zip(reads.reversed(), first.reversed()) {
                    let again = try await Self.send(exchange, to: server)
                    #expect(again == expected, "GET \(exchange.path)")
                }
            }
        }
    }
}
