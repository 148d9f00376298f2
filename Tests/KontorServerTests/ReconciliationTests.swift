import Foundation
import HTTPTypes
import KontorCore
import KontorFlows
import LexofficeKit
import Testing

/// Looking up writes in doubt: every page of candidates, adopted documents excluded, look-alike invoices kept apart.
@Suite("Invoice transfer: reconciliation", .timeLimit(.minutes(3)))
struct ReconciliationTests {
    private typealias Transfers = InvoiceTransferTests
    private typealias Flow = InvoiceTransferFlowTests

    /// Makes lexoffice answer the next `count` invoice creates with a timeout after creating them.
    private static func invoicesTimeOut(_ hub: HubHarness, count: Int) async throws {
        let rule = #"{"path":"/v1/invoices","method":"POST","action":"timeoutAfterExecution","remaining":\#(count)}"#
        #expect(try await Flow.admin(hub, "faults", body: rule) == 201)
    }

    @Test("two look-alike invoices of one day, both in doubt, adopt one document each")
    func lookAlikes() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub, settings: #"{"autoTransfer":false}"#)
            let body = Transfers.invoice(number: "R-1")
            for id in ["a", "b"] {
                let twin = body.replacingOccurrences(of: #""number":"R-1""#, with: #""number":"R-\#(id)""#)
                #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/\(id)", json: twin).status == 202)
            }
            try await Self.invoicesTimeOut(hub, count: 2)
            let export = #"{"from":"2026-03-01","to":"2026-03-31"}"#
            #expect(try await hub.send(.post, "/api/v1/tenants/acme/exports", json: export).status == 202)
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["a", "b"], are: "transferred") })

            let documents = try await Flow.documents(hub, .invoice)
            #expect(documents.count == 2)
            let a = try await Transfers.transfer(hub, "a")["lexofficeId"] as? String
            let b = try await Transfers.transfer(hub, "b")["lexofficeId"] as? String
            #expect(a != nil && b != nil && a != b)
            #expect(Set(documents.map(\.id.rawValue)) == Set([a, b].compactMap { $0 }))
        }
    }

    @Test("a write in doubt among more documents of its contact and day than one page holds is found")
    func everyPage() async throws {
        // Each candidate of the day is read once: unpaced, so that the test does not wait out lexoffice's 2/s.
        try await HubHarness.with(lexofficeRate: 1000) { hub in
            try await Transfers.connectedTenant(hub)
            let client = Flow.client(hub)
            let source = try JSONDecoder().decode(SourceInvoice.self, from: Data(Transfers.invoice(number: "R-1").utf8))
            let contact = try await client.contacts.create(source.customer.lexofficeContact()).id
            // More documents of the contact on the invoice's day than a page of the voucherlist holds, created
            // before the write in doubt; they differ from it in their line, and are dated later that day, so that
            // lexoffice's default order (voucher date, newest first) lists them before it.
            var decoy = try source.lexofficeInvoice(contactID: contact)
            decoy.lineItems[0].name = "Anfahrt"
            decoy.voucherDate = LexofficeDateTime(Date(timeIntervalSince1970: 1_773_140_400))  // 12:00 in Berlin
            for _ in 0..<(PageRequest.maxSize + 5) { _ = try await client.invoices.create(decoy) }

            let named = Transfers.invoice(number: "R-1").replacingOccurrences(
                of: #""sourceId":"K-1","#,
                with: #""sourceId":"K-1","lexofficeContactId":"\#(contact.rawValue)","#
            )
            try await Self.invoicesTimeOut(hub, count: 1)
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: named).status == 202)
            // 255 candidates read one by one: on a loaded machine that takes longer than the default 20 s.
            #expect(
                try await hub.runWorkers(timeout: .seconds(90)) {
                    try await Transfers.all(hub, ["inv-1"], are: "transferred")
                }
            )

            let all = try await client.voucherList.pages(
                VoucherListFilter(voucherTypes: .only([.invoice]), voucherStatuses: .any)
            ).elements.reduce(into: 0) { count, _ in count += 1 }
            #expect(all == PageRequest.maxSize + 6, "the invoice was created once")
            let steps = try #require(try await Transfers.transfer(hub, "inv-1")["steps"] as? [[String: Any]])
            #expect(steps.first { $0["name"] as? String == "invoice" }?["note"] as? String != nil)
        }
    }
}
