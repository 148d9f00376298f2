import Foundation
import HTTPTypes
import KontorCore
import KontorStore
import SQLKit
import Testing

@Suite("Hub API: source invoices", .timeLimit(.minutes(1)))
struct InvoiceAPITests {
    /// A finalized net invoice; `replacing` swaps text in it to make variants.
    private static func invoice(
        number: String = "R-2026-0001",
        date: String = "2026-03-10",
        status: String = "finalized",
        extra: String = ""
    ) -> String {
        """
        {"number":"\(number)","date":"\(date)","taxType":"net","status":"\(status)",\(extra)
        "customer":{"sourceId":"K-1","company":{"name":"Radhaus Nord GmbH"},
        "address":{"street":"Lindenallee 7","zip":"22041","city":"Hamburg","countryCode":"DE"}},
        "lineItems":[{"name":"Wartung","quantity":2.5,"unitName":"Stunde","unitPrice":{"net":85},"taxRatePercent":19}]}
        """
    }

    @Test("a new invoice is accepted once; the same content again changes nothing; a change is a new version")
    func idempotentPut() async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme")
            let path = "/api/v1/tenants/acme/invoices/inv-1"
            let first = try await hub.send(.put, path, json: Self.invoice())
            #expect(first.status == 202, "\(first.body)")
            #expect(first.headers["location"] == path)
            let body = try first.json()
            #expect(body["state"] as? String == "pending")
            #expect(body["sourceId"] as? String == "inv-1")
            #expect(body["number"] as? String == "R-2026-0001")
            #expect(body["date"] as? String == "2026-03-10")
            #expect(body["version"] as? Int == 1)

            let again = try await hub.send(.put, path, json: Self.invoice())
            #expect(again.status == 200)
            #expect(try again.json()["version"] as? Int == 1)

            let changed = try await hub.send(.put, path, json: Self.invoice(number: "R-2026-0001a"))
            #expect(changed.status == 202)
            #expect(try changed.json()["version"] as? Int == 2)

            let read = try await hub.send(.get, path)
            #expect(read.status == 200)
            #expect(try read.json()["number"] as? String == "R-2026-0001a")
        }
    }

    @Test("drafts are stored, not transferred; inactive tenants and invoices before activation are skipped")
    func statesOnReceipt() async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme", since: "2026-03-01T00:00:00Z")
            try await hub.createTenant("idle")
            let cases: [(String, String, String, String)] = [
                ("acme", "draft", Self.invoice(status: "draft"), "stored"),
                ("acme", "early", Self.invoice(date: "2026-02-28"), "skipped"),
                ("acme", "voided", Self.invoice(status: "cancelled"), "skipped"),
                ("acme", "due", Self.invoice(date: "2026-03-01"), "pending"),
                ("idle", "inactive", Self.invoice(), "skipped"),
            ]
            for (tenant, id, json, state) in cases {
                let answer = try await hub.send(.put, "/api/v1/tenants/\(tenant)/invoices/\(id)", json: json)
                #expect(answer.status == 202, "\(id): \(answer.body)")
                let body = try answer.json()
                #expect(body["state"] as? String == state, "\(id)")
                if state == "pending" {
                    #expect(body["stateReason"] == nil, "\(id) has no reason to give")
                } else {
                    #expect((body["stateReason"] as? String)?.isEmpty == false, "\(id) names its reason")
                }
            }
            let early = try await hub.send(.get, "/api/v1/tenants/acme/invoices/early").json()
            #expect((early["stateReason"] as? String)?.contains("2026-03-01") == true)
        }
    }

    @Test("each invalid field is a 422 with its JSON pointer, and nothing is stored", arguments: InvalidInvoice.all)
    func invalidInput(_ invalid: InvalidInvoice) async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme")
            let path = "/api/v1/tenants/acme/invoices/bad-1"
            let answer = try await hub.send(.put, path, json: invalid.json)
            #expect(answer.status == 422, "\(invalid.name): \(answer.body)")
            #expect(answer.headers["content-type"] == "application/problem+json")
            let errors = try #require(try answer.json()["errors"] as? [[String: String]], "\(invalid.name)")
            #expect(errors.compactMap { $0["pointer"] }.contains(invalid.pointer), "\(invalid.name): \(errors)")
            #expect(try await hub.send(.get, path).status == 404, "\(invalid.name) stored nothing")
        }
    }

    @Test("a cancellation must name a received invoice; an unknown tenant is a 404")
    func references() async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme")
            let storno = Self.invoice(number: "S-1", extra: #""cancels":"inv-404","#)
            let nowhere = try await hub.send(.put, "/api/v1/tenants/acme/invoices/storno-1", json: storno)
            #expect(nowhere.status == 422)
            let errors = try #require(try nowhere.json()["errors"] as? [[String: String]])
            #expect(errors.first?["pointer"] == "#/cancels")
            #expect(try await hub.send(.get, "/api/v1/tenants/acme/invoices/storno-1").status == 404)

            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: Self.invoice()).status == 202)
            let valid = Self.invoice(number: "S-1", extra: #""cancels":"inv-1","#)
            let accepted = try await hub.send(.put, "/api/v1/tenants/acme/invoices/storno-1", json: valid)
            #expect(accepted.status == 202)
            #expect(try accepted.json()["cancels"] as? String == "inv-1")

            let unknown = try await hub.send(.put, "/api/v1/tenants/nobody/invoices/inv-1", json: Self.invoice())
            #expect(unknown.status == 404)
        }
    }

    @Test("an invoice lexoffice may already hold cannot change: 409; the same content is still a 200")
    func changedAfterTransfer() async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme")
            let path = "/api/v1/tenants/acme/invoices/inv-1"
            #expect(try await hub.send(.put, path, json: Self.invoice()).status == 202)
            try await hub.database.transaction { db in
                try await db.raw("UPDATE source_invoices SET transfer_state = 'transferred'").run()
            }
            let changed = try await hub.send(.put, path, json: Self.invoice(number: "R-2026-0002"))
            #expect(changed.status == 409)
            #expect((try changed.json()["detail"] as? String)?.contains("cancellation") == true)
            #expect(try await hub.send(.put, path, json: Self.invoice()).status == 200)
            #expect(try await hub.send(.get, path).json()["number"] as? String == "R-2026-0001")
        }
    }

    @Test("the list filters by state and date and pages with a cursor; other tenants' invoices are not found")
    func listing() async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme")
            try await hub.createActiveTenant("bolt")
            for (id, date, status) in [
                ("a", "2026-03-01", "finalized"), ("b", "2026-03-05", "draft"),
                ("c", "2026-03-09", "finalized"), ("d", "2026-04-01", "finalized"),
            ] {
                let json = Self.invoice(number: "R-\(id)", date: date, status: status)
                #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/\(id)", json: json).status == 202)
            }
            func ids(_ query: String) async throws -> ([String], String?) {
                let page = try await hub.send(.get, "/api/v1/tenants/acme/invoices?\(query)").json()
                let items = try #require(page["items"] as? [[String: Any]])
                return (items.compactMap { $0["sourceId"] as? String }, page["nextCursor"] as? String)
            }
            #expect(try await ids("").0 == ["a", "b", "c", "d"])
            #expect(try await ids("state=pending").0 == ["a", "c", "d"])
            #expect(try await ids("from=2026-03-02&to=2026-03-31").0 == ["b", "c"])
            let first = try await ids("limit=2")
            #expect(first.0 == ["a", "b"])
            let cursor = try #require(first.1)
            #expect(try await ids("limit=2&cursor=\(cursor)").0 == ["c", "d"])
            let badState = try await hub.send(.get, "/api/v1/tenants/acme/invoices?state=lost")
            #expect(badState.status == 422)
            #expect(try await hub.send(.get, "/api/v1/tenants/acme/invoices?from=2026-13-01").status == 422)

            let boltToken = try await APITokenStore(database: hub.database).create(
                scope: .tenant(TenantID("bolt")),
                name: "bolt"
            )
            let foreign = try await hub.send(.get, "/api/v1/tenants/acme/invoices/a", token: boltToken.token)
            #expect(foreign.status == 404)
            let own = try await hub.send(.get, "/api/v1/tenants/bolt/invoices", token: boltToken.token).json()
            #expect((own["items"] as? [Any])?.isEmpty == true)
        }
    }
}

/// One invalid invoice body and the pointer its 422 must name.
struct InvalidInvoice: Sendable, CustomTestStringConvertible {
    let name: String
    let json: String
    let pointer: String

    var testDescription: String { name }

    private static func lines(_ count: Int) -> String {
        let item = #"{"name":"Wartung","quantity":1,"unitName":"Stunde","unitPrice":{"net":10},"taxRatePercent":19}"#
        return Array(repeating: item, count: count).joined(separator: ",")
    }

    private static func body(
        date: String = "2026-03-10",
        title: String = "Rechnung",
        company: String = #"{"name":"Radhaus Nord GmbH"}"#,
        items: String = lines(1)
    ) -> String {
        """
        {"number":"R-1","date":"\(date)","taxType":"net","status":"finalized","title":"\(title)",
        "customer":{"sourceId":"K-1","company":\(company),"address":{"countryCode":"DE"}},"lineItems":[\(items)]}
        """
    }

    static let all: [InvalidInvoice] = [
        InvalidInvoice(name: "missing customer name", json: body(company: "{}"), pointer: "#/customer/company/name"),
        InvalidInvoice(
            name: "negative quantity",
            json: body(items: lines(1).replacingOccurrences(of: #""quantity":1"#, with: #""quantity":-1"#)),
            pointer: "#/lineItems/0/quantity"
        ),
        InvalidInvoice(
            name: "unknown tax rate",
            json: body(
                items: lines(1).replacingOccurrences(of: #""taxRatePercent":19"#, with: #""taxRatePercent":17"#)
            ),
            pointer: "#/lineItems/0/taxRatePercent"
        ),
        InvalidInvoice(name: "301 line items", json: body(items: lines(301)), pointer: "#/lineItems"),
        InvalidInvoice(
            name: "title over 25 characters",
            json: body(title: String(repeating: "T", count: 26)),
            pointer: "#/title"
        ),
        InvalidInvoice(name: "invalid date", json: body(date: "2026-02-30"), pointer: "#/date"),
        InvalidInvoice(
            name: "quantity of the wrong type",
            json: body(items: lines(1).replacingOccurrences(of: #""quantity":1"#, with: #""quantity":"one""#)),
            pointer: "#/lineItems/0/quantity"
        ),
    ]
}
