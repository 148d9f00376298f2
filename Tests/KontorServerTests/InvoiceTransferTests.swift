import AsyncHTTPClient
import Foundation
import HTTPTypes
import KontorCore
import KontorStore
import LexofficeKit
import LexofficeSandbox
import NIOCore
import NIOFoundationCompat
import SQLKit
import Testing

/// Invoices saved through the hub API and transferred by the hub's workers into the sandbox over HTTP.
@Suite("Invoice transfer into lexoffice", .timeLimit(.minutes(2)))
struct InvoiceTransferTests {
    /// A finalized net invoice of 2.5 h at 85 € (19 %): 212.50 net, 252.88 gross.
    static func invoice(
        number: String,
        customer: String = "K-1",
        company: String = "Radhaus Nord GmbH",
        status: String = "finalized",
        cancels: String? = nil,
        unitPrice: String = "85",
        totals: String = #"{"net":212.5,"gross":252.88}"#
    ) -> String {
        let cancelling = cancels.map { #""cancels":"\#($0)","# } ?? ""
        return """
            {"number":"\(number)","date":"2026-03-10","taxType":"net","status":"\(status)",\(cancelling)
            "customer":{"sourceId":"\(customer)","company":{"name":"\(company)"},"email":"rechnung@radhaus.example",
            "address":{"street":"Lindenallee 7","zip":"22041","city":"Hamburg","countryCode":"DE"}},
            "lineItems":[{"name":"Wartung","quantity":2.5,"unitName":"Stunde","unitPrice":{"net":\(unitPrice)},
            "taxRatePercent":19}],"totals":\(totals)}
            """
    }

    /// Creates the tenant, applies `settings`, activates it and connects it to the sandbox's default organization.
    static func connectedTenant(_ hub: HubHarness, _ id: String = "acme", settings: String? = nil) async throws {
        try await hub.createActiveTenant(id)
        if let settings {
            let patched = try await hub.send(.patch, "/api/v1/tenants/\(id)", json: #"{"settings":\#(settings)}"#)
            #expect(patched.status == 200, "\(patched.body)")
        }
        let connected = try await hub.send(
            .put,
            "/api/v1/tenants/\(id)/connection/api-key",
            json: #"{"apiKey":"\#(hub.sandbox.defaultAPIKey)"}"#
        )
        #expect(connected.status == 200, "\(connected.body)")
    }

    /// The hub's view of an invoice.
    static func transfer(_ hub: HubHarness, _ sourceID: String, tenant: String = "acme") async throws -> [String: Any] {
        try await hub.send(.get, "/api/v1/tenants/\(tenant)/invoices/\(sourceID)").json()
    }

    /// Whether every listed invoice reached `state`.
    static func all(_ hub: HubHarness, _ ids: [String], are state: String) async throws -> Bool {
        for id in ids where try await transfer(hub, id)["state"] as? String != state { return false }
        return true
    }

    /// The callbacks queued for the source, as (type, data).
    static func callbacks(_ hub: HubHarness) async throws -> [(type: String, data: [String: Any])] {
        let rows = try await hub.database.withConnection { db in
            try await db.raw("SELECT payload FROM jobs WHERE kind = 'callback.send' ORDER BY id").all()
        }
        return try rows.map { row in
            let payload = try row.decode(column: "payload", as: String.self)
            let event = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            let data = try JSONSerialization.jsonObject(with: Data((event["data"] as? String ?? "{}").utf8))
            return (event["type"] as? String ?? "", data as? [String: Any] ?? [:])
        }
    }

    /// The sandbox's request journal as "METHOD /path" lines (query left out).
    static func journal(_ hub: HubHarness) async throws -> [String] {
        try await journalEntries(hub).compactMap { entry in
            guard let method = entry["method"] as? String, let path = entry["path"] as? String else { return nil }
            return "\(method) \(path.split(separator: "?").first.map(String.init) ?? path)"
        }
    }

    /// The sandbox's request journal: method, path, status, time, organization of each request.
    static func journalEntries(_ hub: HubHarness) async throws -> [[String: Any]] {
        let url = hub.sandbox.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/requests")
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 16 << 20)
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [[String: Any]])
    }

    @Test("finalized invoices are transferred on save: the contact is created once, numbers come back")
    func transferOnSave() async throws {
        try await HubHarness.with { hub in
            try await Self.connectedTenant(hub)
            let before = try await Self.journal(hub).count
            for (id, number) in [("inv-1", "R-1"), ("inv-2", "R-2")] {
                let saved = try await hub.send(
                    .put,
                    "/api/v1/tenants/acme/invoices/\(id)",
                    json: Self.invoice(number: number)
                )
                #expect(saved.status == 202, "\(saved.body)")
            }
            #expect(try await hub.runWorkers { try await Self.all(hub, ["inv-1", "inv-2"], are: "transferred") })

            let requests = Array(try await Self.journal(hub).dropFirst(before)).filter { $0.contains("/v1/") }
            #expect(requests.filter { $0 == "POST /v1/contacts" }.count == 1)
            #expect(requests.filter { $0 == "POST /v1/invoices" }.count == 2)
            #expect(requests.count == 6, "contact: create + read; per invoice: create + read back: \(requests)")

            let first = try await Self.transfer(hub, "inv-1")
            let second = try await Self.transfer(hub, "inv-2")
            let voucherNumber = try #require(first["voucherNumber"] as? String)
            #expect(second["voucherNumber"] as? String != voucherNumber)
            #expect(first["customerNumber"] as? String != nil)
            #expect(first["customerNumber"] as? String == second["customerNumber"] as? String)
            #expect(first["totalsDifference"] == nil)

            let client = LexofficeClient(
                configuration: LexofficeClientConfiguration(baseURL: hub.sandbox.baseURL, requestsPerSecond: 0),
                credentials: StaticAPIKey(Secret(hub.sandbox.defaultAPIKey))
            )
            let invoice = try await client.invoices.get(try LexofficeID(try #require(first["lexofficeId"] as? String)))
            #expect(invoice.voucherNumber == voucherNumber)
            #expect(invoice.voucherStatus == .open, "the tenant finalizes by default")
            #expect(invoice.totalPrice.totalGrossAmount == Decimal(string: "252.88"))
            let contacts = try await client.contacts.page(ContactFilter(name: "Radhaus Nord"), page: PageRequest())
            #expect(contacts.content.count == 1, "one contact for both invoices of the customer")
            #expect(invoice.address.contactId == contacts.content.first?.id)

            let callbacks = try await Self.callbacks(hub)
            #expect(callbacks.filter { $0.type == "customer.linked" }.count == 1)
            let transferred = callbacks.filter { $0.type == "invoice.transferred" }
            #expect(transferred.map { $0.data["sourceId"] as? String } == ["inv-1", "inv-2"])
            #expect(transferred.first?.data["voucherNumber"] as? String == voucherNumber)
            #expect(transferred.first?.data["customerNumber"] as? String == first["customerNumber"] as? String)
        }
    }

    @Test("a contact the source names is read once for its customer number, which goes back to the source")
    func namedContact() async throws {
        try await HubHarness.with { hub in
            try await Self.connectedTenant(hub)
            let client = LexofficeClient(
                configuration: LexofficeClientConfiguration(baseURL: hub.sandbox.baseURL, requestsPerSecond: 0),
                credentials: StaticAPIKey(Secret(hub.sandbox.defaultAPIKey))
            )
            let contact = try await client.contacts.create(
                Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), company: Company(name: "Stamm GmbH"))
            ).id
            let number = try await client.contacts.get(contact).roles.customer?.number.map(String.init)
            let before = try await Self.journal(hub).count
            for (id, invoice) in [("inv-1", "R-1"), ("inv-2", "R-2")] {
                let body = Self.invoice(number: invoice).replacingOccurrences(
                    of: #""sourceId":"K-1","#,
                    with: #""sourceId":"K-1","lexofficeContactId":"\#(contact.rawValue)","#
                )
                #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/\(id)", json: body).status == 202)
            }
            #expect(try await hub.runWorkers { try await Self.all(hub, ["inv-1", "inv-2"], are: "transferred") })
            let requests = Array(try await Self.journal(hub).dropFirst(before)).filter { $0.contains("/v1/") }
            #expect(requests.filter { $0.hasPrefix("GET /v1/contacts") }.count == 1, "\(requests)")
            #expect(requests.count == 5, "the contact once, then 2 per invoice: \(requests)")
            #expect(try await Self.transfer(hub, "inv-2")["customerNumber"] as? String == number)
            let linked = try await Self.callbacks(hub).filter { $0.type == "customer.linked" }
            #expect(linked.count == 1)
            #expect(linked.first?.data["lexofficeContactId"] as? String == contact.rawValue)
            #expect(linked.first?.data["customerNumber"] as? String == number)
        }
    }

    @Test("a difference between the source's totals and lexoffice's is recorded, not accepted silently")
    func totalsDifference() async throws {
        try await HubHarness.with { hub in
            try await Self.connectedTenant(hub)
            let body = Self.invoice(number: "R-9", totals: #"{"net":212.5,"gross":252.87}"#)
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-9", json: body).status == 202)
            #expect(try await hub.runWorkers { try await Self.all(hub, ["inv-9"], are: "transferred") })
            let difference = try await Self.transfer(hub, "inv-9")["totalsDifference"] as? String
            #expect(difference?.contains("gross total is 252.88 in lexoffice but 252.87 at the source") == true)
            let activity = try await hub.send(.get, "/api/v1/tenants/acme/activity?kind=invoice.totals-differ").json()
            #expect((activity["items"] as? [Any])?.count == 1)
        }
    }
}
