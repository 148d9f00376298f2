import Foundation
import KontorTestSupport
import LexofficeKit
import Testing

/// Every endpoint group sends the documented method, path, query and body, and decodes the documented answer.
@Suite(.timeLimit(.minutes(1)))
struct EndpointRequestTests {
    private static let id = "c3a1f7e2-5b6d-4e8f-9a0b-1c2d3e4f5a6b"

    /// Answers like lexoffice would, from the fixtures, chosen by method and path.
    private static func lexoffice(_ request: ScriptedHTTPServer.Request) -> ScriptedHTTPServer.Reply {
        let segments = request.path.split(separator: "/").map(String.init).dropFirst()  // drop "v1"
        let resource = segments.first ?? ""
        if request.method == "POST" {
            return resource == "files" || segments.last == "files"
                ? .fixture("file-upload-result.json", status: 202)
                : .fixture("invoice-create-response.json", status: 201)
        }
        if request.method == "PUT" { return .fixture("invoice-create-response.json") }
        if request.method == "DELETE" { return .respond(status: 204, headers: [], body: []) }
        if segments.last == "document" { return .fixture("invoice-document.json") }
        if segments.last == "file" || resource == "files" {
            return .respond(status: 200, headers: [("Content-Type", "application/pdf")], body: Array("%PDF".utf8))
        }
        let single = segments.count == 2
        let fixtures: [String: (list: String, single: String)] = [
            "articles": ("articles-page.json", "article-get.json"),
            "contacts": ("contacts-page.json", "contact-get.json"),
            "countries": ("countries.json", ""), "credit-notes": ("", "credit-note-get.json"),
            "delivery-notes": ("", "delivery-note-get.json"),
            "down-payment-invoices": ("", "down-payment-invoice-get.json"), "dunnings": ("", "dunning-get.json"),
            "event-subscriptions": ("event-subscriptions.json", ""), "invoices": ("", "invoice-get.json"),
            "order-confirmations": ("", "order-confirmation-get.json"), "payments": ("", "payment-open.json"),
            "payment-conditions": ("payment-conditions.json", ""),
            "posting-categories": ("posting-categories.json", ""),
            "print-layouts": ("print-layouts.json", ""), "profile": ("profile.json", ""), "ping": ("ping.json", ""),
            "quotations": ("", "quotation-get.json"),
            "recurring-templates": ("recurring-templates-page.json", "recurring-template-get.json"),
            "voucherlist": ("voucherlist-page.json", ""), "vouchers": ("vouchers-page.json", "voucher-get.json"),
        ]
        guard let names = fixtures[resource] else { return .json(404, #"{"message":"no route"}"#) }
        if resource == "event-subscriptions", single {
            let subscription =
                #"{"subscriptionId":"\#(id)","organizationId":"\#(id)","createdDate":"2025-03-01T08:00:00.000+01:00","eventType":"invoice.created","callbackUrl":"https://hooks.example.org/x"}"#
            return .json(200, subscription)
        }
        return .fixture(single ? names.single : names.list)
    }

    @Test("sales voucher endpoints create with finalize/pursue parameters, read, render and download")
    func salesVouchers() async throws {
        try await ScriptedHTTPServer.withServer(.replying { Self.lexoffice($0) }) { server in
            let client = TestClients.client(for: server)
            let id = try LexofficeID(Self.id)
            let invoice = try Invoice.fixture("invoice-create.json")
            _ = try await client.invoices.create(invoice, finalize: true, precedingSalesVoucherID: id)
            _ = try await client.invoices.create(invoice)
            #expect(try await client.invoices.get(id).voucherNumber == "RE0042")
            #expect(try await client.invoices.document(id).documentFileId.rawValue.count == 36)
            _ = try await client.invoices.file(id)
            _ = try await client.creditNotes.create(
                try .fixture("credit-note-create.json"),
                finalize: true,
                precedingSalesVoucherID: id
            )
            _ = try await client.creditNotes.get(id)
            _ = try await client.creditNotes.document(id)
            _ = try await client.quotations.create(try .fixture("quotation-create.json"), finalize: true)
            _ = try await client.quotations.get(id)
            _ = try await client.orderConfirmations.create(
                try .fixture("order-confirmation-create.json"),
                precedingSalesVoucherID: id
            )
            _ = try await client.orderConfirmations.get(id)
            _ = try await client.deliveryNotes.create(try .fixture("delivery-note-create.json"), finalize: true)
            _ = try await client.deliveryNotes.get(id)
            _ = try await client.dunnings.create(try .fixture("dunning-create.json"), precedingSalesVoucherID: id)
            _ = try await client.dunnings.get(id)
            _ = try await client.dunnings.file(id, format: .pdf)
            _ = try await client.downPaymentInvoices.get(id)
            _ = try await client.downPaymentInvoices.file(id)
            let lines = server.requests.map { "\($0.method) \($0.uri)" }
            #expect(
                lines == [
                    "POST /v1/invoices?precedingSalesVoucherId=\(id)&finalize=true",
                    "POST /v1/invoices",
                    "GET /v1/invoices/\(id)",
                    "GET /v1/invoices/\(id)/document",
                    "GET /v1/invoices/\(id)/file",
                    "POST /v1/credit-notes?precedingSalesVoucherId=\(id)&finalize=true",
                    "GET /v1/credit-notes/\(id)",
                    "GET /v1/credit-notes/\(id)/document",
                    "POST /v1/quotations?finalize=true",
                    "GET /v1/quotations/\(id)",
                    "POST /v1/order-confirmations?precedingSalesVoucherId=\(id)",
                    "GET /v1/order-confirmations/\(id)",
                    "POST /v1/delivery-notes?finalize=true",
                    "GET /v1/delivery-notes/\(id)",
                    "POST /v1/dunnings?precedingSalesVoucherId=\(id)",
                    "GET /v1/dunnings/\(id)",
                    "GET /v1/dunnings/\(id)/file",
                    "GET /v1/down-payment-invoices/\(id)",
                    "GET /v1/down-payment-invoices/\(id)/file",
                ]
            )
            let posted = try JSONDecoder().decode(JSONValue.self, from: Data(server.requests[0].body))
            let original = try JSONDecoder().decode(JSONValue.self, from: Fixtures.data("invoice-create.json"))
            #expect(Fixtures.differences(original, posted, path: "$") == [])
            #expect(server.requests[0].header("Content-Type") == "application/json")
        }
    }

    @Test("contacts, articles, vouchers and event subscriptions cover create, read, update, delete and list")
    func resources() async throws {
        try await ScriptedHTTPServer.withServer(.replying { Self.lexoffice($0) }) { server in
            let client = TestClients.client(for: server)
            let id = try LexofficeID(Self.id)
            let contact = try Contact.fixture("contact-create.json")
            _ = try await client.contacts.create(contact)
            #expect(try await client.contacts.get(id).roles.customer?.number == 10042)
            _ = try await client.contacts.update(contact, id: id)
            let contacts = try await client.contacts.page(
                ContactFilter(number: 10042, vendor: false),
                page: PageRequest(page: 1, size: 50)
            )
            #expect(!contacts.content.isEmpty)
            _ = try await client.articles.create(try .fixture("article-create.json"))
            _ = try await client.articles.get(id)
            _ = try await client.articles.update(try .fixture("article-get.json"), id: id)
            try await client.articles.delete(id)
            _ = try await client.articles.page(
                ArticleFilter(gtin: "4006381333931", type: .product),
                page: PageRequest()
            )
            _ = try await client.vouchers.create(try .fixture("voucher-create.json"))
            _ = try await client.vouchers.get(id)
            _ = try await client.vouchers.update(try .fixture("voucher-get.json"), id: id)
            _ = try await client.eventSubscriptions.create(try .fixture("event-subscription-create.json"))
            #expect(try await client.eventSubscriptions.list().count >= 1)
            #expect(try await client.eventSubscriptions.get(id).eventType == .invoiceCreated)
            try await client.eventSubscriptions.delete(id)
            _ = try await client.recurringTemplates.get(id)
            _ = try await client.recurringTemplates.page(
                sort: .ascending(.nextExecutionDate),
                page: PageRequest(size: 1)
            )
            let lines = server.requests.map { "\($0.method) \($0.uri)" }
            #expect(
                lines == [
                    "POST /v1/contacts", "GET /v1/contacts/\(id)", "PUT /v1/contacts/\(id)",
                    "GET /v1/contacts?number=10042&vendor=false&page=1&size=50",
                    "POST /v1/articles", "GET /v1/articles/\(id)", "PUT /v1/articles/\(id)",
                    "DELETE /v1/articles/\(id)",
                    "GET /v1/articles?gtin=4006381333931&type=PRODUCT&page=0&size=25",
                    "POST /v1/vouchers", "GET /v1/vouchers/\(id)", "PUT /v1/vouchers/\(id)",
                    "POST /v1/event-subscriptions", "GET /v1/event-subscriptions", "GET /v1/event-subscriptions/\(id)",
                    "DELETE /v1/event-subscriptions/\(id)",
                    "GET /v1/recurring-templates/\(id)",
                    "GET /v1/recurring-templates?sort=nextExecutionDate,ASC&page=0&size=1",
                ]
            )
        }
    }

    @Test("reference data, profile, ping, payments and the voucherlist with every filter")
    func referenceData() async throws {
        try await ScriptedHTTPServer.withServer(.replying { Self.lexoffice($0) }) { server in
            let client = TestClients.client(for: server)
            let id = try LexofficeID(Self.id)
            #expect(try await client.countries().contains { $0.countryCode == "DE" })
            #expect(try await client.paymentConditions().count == 2)
            #expect(!(try await client.postingCategories().isEmpty))
            #expect(try await client.printLayouts().contains { $0.default == true })
            #expect(try await client.profile().companyName == "Rad & Tat GmbH")
            #expect(try await client.ping().userEmail.contains("@"))
            #expect(try await client.payments(ofVoucher: id).paymentStatus == .openRevenue)
            let filter = VoucherListFilter(
                voucherTypes: .only([.invoice, .creditNote]),
                voucherStatuses: .only([.open, .paid]),
                archived: false,
                contactID: id,
                voucherDateFrom: try PlainDate("2025-03-01"),
                voucherDateTo: try PlainDate("2025-03-31"),
                createdDateFrom: try PlainDate("2025-03-01"),
                createdDateTo: try PlainDate("2025-04-01"),
                updatedDateFrom: try PlainDate("2025-03-02"),
                updatedDateTo: try PlainDate("2025-04-02"),
                voucherNumber: "RE0042"
            )
            let page = try await client.voucherList.page(
                filter,
                sort: .descending(.voucherDate),
                page: PageRequest(size: 50)
            )
            #expect(page.content.first?.voucherNumber == "RE0042")
            let raw = try await client.raw("get", path: "/profile", query: [("x", "a b")])
            #expect(raw.status == 200)
            #expect(raw.header("content-type") == "application/json")
            #expect(try JSONDecoder().decode(Profile.self, from: raw.body).companyName == "Rad & Tat GmbH")
            let lines = server.requests.map { "\($0.method) \($0.uri)" }
            #expect(
                lines == [
                    "GET /v1/countries", "GET /v1/payment-conditions", "GET /v1/posting-categories",
                    "GET /v1/print-layouts",
                    "GET /v1/profile", "GET /v1/ping", "GET /v1/payments/\(id)",
                    "GET /v1/voucherlist?voucherType=invoice,creditnote&voucherStatus=open,paid&archived=false"
                        + "&contactId=\(id)&voucherDateFrom=2025-03-01&voucherDateTo=2025-03-31&createdDateFrom=2025-03-01"
                        + "&createdDateTo=2025-04-01&updatedDateFrom=2025-03-02&updatedDateTo=2025-04-02&voucherNumber=RE0042"
                        + "&sort=voucherDate,DESC&page=0&size=50",
                    "GET /v1/profile?x=a%20b",
                ]
            )
        }
    }

    @Test("raw calls return error statuses instead of throwing")
    func rawErrors() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .fixture("error-regular-406.json", status: 406) }) {
            server in
            let response = try await TestClients.client(for: server).raw(
                "POST",
                path: "invoices",
                body: Data("{}".utf8)
            )
            #expect(response.status == 406)
            #expect(LexofficeErrorBody(json: response.body)?.traceID != nil)
            #expect(server.requests.first?.header("Content-Type") == "application/json")
        }
    }
}
