import Foundation
import HTTPTypes
import KontorCore
import LexofficeKit
import Testing

/// The contact's customer number in the archive's sidecars (issue 25), read once per contact: a backfill of many
/// documents of few contacts stays within lexoffice's budget of about two requests per document.
@Suite("Archive: customer numbers", .timeLimit(.minutes(2)))
struct ArchiveCustomerNumberTests {
    private typealias Archive = ArchiveFlowTests

    @Test("a backfill of 60 invoices of 3 contacts reads each contact once: about 2 requests per document")
    func backfillReadsEachContactOnce() async throws {
        try await Archive.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                try await Archive.archivingTenant(hub, into: folder)
                let client = InvoiceTransferFlowTests.client(hub)
                let source = try JSONDecoder().decode(
                    SourceInvoice.self,
                    from: Data(InvoiceTransferTests.invoice(number: "R-1").utf8)
                )
                var numbers: [String: Int] = [:]
                var contacts: [LexofficeID] = []
                for _ in 0..<3 {
                    let id = try await client.contacts.create(source.customer.lexofficeContact()).id
                    numbers[id.rawValue] = try #require(try await client.contacts.get(id).roles.customer?.number)
                    contacts.append(id)
                }
                #expect(Set(numbers.values).count == 3)
                let day = Date(timeIntervalSince1970: 1_768_302_000)  // 2026-01-13 12:00 in Berlin
                for index in 0..<60 {
                    var invoice = try source.lexofficeInvoice(contactID: contacts[index % 3])
                    invoice.voucherDate = LexofficeDateTime(day)
                    invoice.shippingConditions.shippingDate = LexofficeDateTime(day)
                    _ = try await client.invoices.create(invoice, finalize: true)
                }
                let before = try await InvoiceTransferTests.journal(hub).count
                try await Archive.startJanuaryBackfill(hub)
                #expect(
                    try await hub.runWorkers(timeout: .seconds(60)) {
                        let archive = try await hub.send(.get, "/api/v1/tenants/acme/archive").json()
                        return (archive["items"] as? [String: Any])?["archived"] as? Int == 60
                    }
                )
                let requests = try await InvoiceTransferTests.journal(hub).dropFirst(before)
                let contactReads = requests.filter { $0.hasPrefix("GET /v1/contacts/") }
                #expect(contactReads.count == 3, "one read per contact, not per document: \(contactReads)")
                let perDocument = Double(requests.count) / 60
                #expect(
                    requests.count <= 2 * 60 + 3 + 2,
                    "\(requests.count) requests for 60 documents (\(perDocument) each)"
                )

                let sidecars = Archive.files(in: folder).filter { $0.hasSuffix(".json") }
                #expect(sidecars.count == 60)
                for path in sidecars {
                    let data = try Data(contentsOf: folder.appendingPathComponent(path))
                    let sidecar = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                    let contact = try #require(sidecar["contact"] as? [String: Any])
                    let id = try #require(contact["id"] as? String)
                    #expect(contact["customerNumber"] as? Int == numbers[id], "\(path)")
                    #expect(contact["name"] as? String == "Radhaus Nord GmbH")
                }
            }
        }
    }
}
