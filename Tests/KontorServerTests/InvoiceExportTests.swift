import Foundation
import HTTPTypes
import KontorCore
import KontorStore
import Testing

/// Bulk exports through the hub API, transferred into the sandbox by the hub's workers.
@Suite("Invoice exports", .timeLimit(.minutes(2)))
struct InvoiceExportTests {
    private typealias Transfers = InvoiceTransferTests

    private static func put(
        _ hub: HubHarness,
        _ id: String,
        date: String,
        status: String = "finalized",
        paymentStatus: String? = nil
    ) async throws {
        let payment = paymentStatus.map { #""paymentStatus":"\#($0)","# } ?? ""
        let body = Transfers.invoice(number: "R-\(id)", status: status).replacingOccurrences(
            of: #""date":"2026-03-10","#,
            with: #""date":"\#(date)",\#(payment)"#
        )
        let saved = try await hub.send(.put, "/api/v1/tenants/acme/invoices/\(id)", json: body)
        #expect(saved.status == 202, "\(saved.body)")
    }

    @Test("an export transfers the range's finalized invoices once, reports progress, and a second run skips them")
    func exportTwice() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub, settings: #"{"autoTransfer":false}"#)
            try await Self.put(hub, "a", date: "2026-03-01")
            try await Self.put(hub, "b", date: "2026-03-05", status: "draft")
            try await Self.put(hub, "c", date: "2026-03-09")
            try await Self.put(hub, "d", date: "2026-04-01")
            let body = #"{"from":"2026-03-01","to":"2026-03-31","statuses":["finalized","draft"]}"#
            let started = try await hub.send(.post, "/api/v1/tenants/acme/exports", json: body)
            #expect(started.status == 202, "\(started.body)")
            let export = try started.json()
            let id = try #require(export["id"] as? String)
            #expect(started.headers["location"] == "/api/v1/tenants/acme/exports/\(id)")
            #expect(export["total"] as? Int == 3)
            #expect(export["skipped"] as? Int == 1, "the draft")
            #expect(export["pending"] as? Int == 2)

            let path = "/api/v1/tenants/acme/exports/\(id)"
            #expect(try await hub.runWorkers { try await hub.send(.get, path).json()["pending"] as? Int == 0 })
            let finished = try await hub.send(.get, path).json()
            #expect(finished["done"] as? Int == 2)
            #expect(finished["failed"] as? Int == 0)
            #expect(try await Transfers.all(hub, ["a", "c"], are: "transferred"))
            #expect(try await Transfers.transfer(hub, "d")["state"] as? String == "pending", "outside the range")

            let again = try await hub.send(.post, "/api/v1/tenants/acme/exports", json: body).json()
            #expect(again["total"] as? Int == 3)
            #expect(again["skipped"] as? Int == 3)
            #expect(again["pending"] as? Int == 0)
        }
    }

    @Test("an export limited to open invoices takes only those the source marked open; the mark may change later")
    func exportByPaymentStatus() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub, settings: #"{"autoTransfer":false}"#)
            try await Self.put(hub, "open", date: "2026-03-01", paymentStatus: "open")
            try await Self.put(hub, "paid", date: "2026-03-02", paymentStatus: "paid")
            try await Self.put(hub, "unknown", date: "2026-03-03")
            let body = #"{"from":"2026-03-01","to":"2026-03-31","paymentStatuses":["open"]}"#
            let started = try await hub.send(.post, "/api/v1/tenants/acme/exports", json: body)
            #expect(started.status == 202, "\(started.body)")
            let export = try started.json()
            #expect(export["total"] as? Int == 1)
            #expect(export["paymentStatuses"] as? [String] == ["open"])
            let path = "/api/v1/tenants/acme/exports/\(try #require(export["id"] as? String))"
            #expect(try await hub.runWorkers { try await hub.send(.get, path).json()["done"] as? Int == 1 })
            #expect(try await Transfers.transfer(hub, "open")["state"] as? String == "transferred")
            for id in ["paid", "unknown"] {
                #expect(try await Transfers.transfer(hub, id)["state"] as? String == "pending")
            }

            // Paid after the transfer: the same content with another payment status is no change of the invoice.
            let paid = Transfers.invoice(number: "R-open").replacingOccurrences(
                of: #""date":"2026-03-10","#,
                with: #""date":"2026-03-01","paymentStatus":"paid","#
            )
            let again = try await hub.send(.put, "/api/v1/tenants/acme/invoices/open", json: paid)
            #expect(again.status == 200, "\(again.body)")
            #expect(try again.json()["paymentStatus"] as? String == "paid")
            #expect(try again.json()["state"] as? String == "transferred")
            let invalid = paid.replacingOccurrences(of: #""paymentStatus":"paid""#, with: #""paymentStatus":"late""#)
            let refused = try await hub.send(.put, "/api/v1/tenants/acme/invoices/open", json: invalid)
            #expect(refused.status == 422)
            let errors = try refused.json()["errors"] as? [[String: Any]]
            #expect(errors?.map { $0["pointer"] as? String } == ["#/paymentStatus"])
        }
    }

    @Test("a tenant deactivated during its export: the export finishes, the unsent invoices fail with the reason")
    func deactivatedMidway() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub, settings: #"{"autoTransfer":false}"#)
            try await Self.put(hub, "a", date: "2026-03-01")
            try await Self.put(hub, "b", date: "2026-03-02")
            let body = #"{"from":"2026-03-01","to":"2026-03-31"}"#
            let id = try #require(try await hub.send(.post, "/api/v1/tenants/acme/exports", json: body).json()["id"])
            #expect(try await hub.send(.post, "/api/v1/tenants/acme/deactivate").status == 200)

            let path = "/api/v1/tenants/acme/exports/\(id)"
            #expect(try await hub.runWorkers { try await hub.send(.get, path).json()["pending"] as? Int == 0 })
            let finished = try await hub.send(.get, path).json()
            #expect(finished["failed"] as? Int == 2, "\(finished)")
            #expect(finished["done"] as? Int == 0)
            let failed = try await Transfers.transfer(hub, "a")
            #expect(failed["state"] as? String == "failed")
            #expect((failed["stateReason"] as? String ?? "").contains("deactivated"), "\(failed)")
            let posts = try await Transfers.journal(hub).filter { $0.hasPrefix("POST") && $0.contains("/invoices") }
            #expect(posts.isEmpty, "nothing was sent for an inactive tenant: \(posts)")

            #expect(try await hub.send(.post, "/api/v1/tenants/acme/activate").status == 200)
            #expect(try await hub.send(.post, "/api/v1/tenants/acme/invoices/a/retry").status == 202)
            let again = try await hub.send(.post, "/api/v1/tenants/acme/exports", json: body).json()
            #expect(again["pending"] as? Int == 2, "b (failed) and a (pending again after its retry)")
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["a", "b"], are: "transferred") })
            let creates = try await Transfers.journal(hub).filter { $0 == "POST /v1/invoices" }
            #expect(creates.count == 2, "each invoice once, although a was queued by its retry and by the export")
        }
    }

    @Test("bad exports are refused with the field; unknown exports are 404; inactive tenants do not export")
    func refusals() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let cases: [(String, Int, String?)] = [
                (#"{"from":"2026-02-30","to":"2026-03-01"}"#, 422, "#/from"),
                (#"{"from":"2026-03-02","to":"2026-03-01"}"#, 422, "#/to"),
                (#"{"from":"2026-03-01","to":"2026-03-31","statuses":["paid"]}"#, 422, "#/statuses"),
                (#"{"from":"2026-03-01","to":"2026-03-31","statuses":[]}"#, 422, "#/statuses"),
                (#"{"from":"2026-03-01","to":"2026-03-31","paymentStatuses":["late"]}"#, 422, "#/paymentStatuses"),
                (#"{"from":"2026-03-01","to":"2026-03-31","paymentStatuses":[]}"#, 422, "#/paymentStatuses"),
                (#"{"to":"2026-03-31"}"#, 422, "#/from"),
                (#"{"from":"2026-03-01","to":"2026-03-31"}"#, 409, nil),
            ]
            for (body, status, pointer) in cases {
                let answer = try await hub.send(.post, "/api/v1/tenants/acme/exports", json: body)
                #expect(answer.status == status, "\(body): \(answer.body)")
                if let pointer {
                    let errors = try answer.json()["errors"] as? [[String: Any]]
                    #expect(errors?.first?["pointer"] as? String == pointer, "\(body)")
                }
            }
            #expect(try await hub.send(.get, "/api/v1/tenants/acme/exports/77").status == 404)
            #expect(try await hub.send(.get, "/api/v1/tenants/acme/exports/x").status == 404)
            #expect(try await hub.send(.post, "/api/v1/tenants/nobody/exports", json: "{}").status == 404)
        }
    }
}
