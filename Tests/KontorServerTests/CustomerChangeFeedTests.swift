import Foundation
import HTTPTypes
import KontorCore
import KontorFlows
import LexofficeKit
import Testing

/// Customers created, changed and deleted in lexoffice reach the source through the change feed and
/// `customer.changed` callbacks (lexoffice → source); the hub's own writes do not come back as changes.
@Suite("Customer change feed", .timeLimit(.minutes(2)))
struct CustomerChangeFeedTests {
    static func feed(_ hub: HubHarness, after: String? = nil) async throws -> (items: [[String: Any]], next: String?) {
        let answer = try await hub.send(
            .get,
            "/api/v1/tenants/acme/customer-changes" + (after.map { "?after=\($0)" } ?? "")
        )
        #expect(answer.status == 200, "\(answer.body)")
        let page = try answer.json()
        return (try #require(page["items"] as? [[String: Any]]), page["nextCursor"] as? String)
    }

    static func firstSyncFinished(_ hub: HubHarness) async throws -> Bool {
        try await hub.send(.get, "/api/v1/tenants/acme/customer-first-sync").json()["state"] as? String == "finished"
    }

    @Test(
        "a contact created, then edited in lexoffice is offered twice with the full customer; the feed resumes after any cursor"
    )
    func createdAndChanged() async throws {
        try await HubHarness.with { hub in
            try await CustomerSyncTests.syncingTenant(hub)
            #expect(try await hub.runWorkers { try await Self.firstSyncFinished(hub) }, "nothing to offer yet")
            let client = CustomerSyncTests.lexoffice(hub)
            let id = try await client.contacts.create(
                Contact(
                    version: 0,
                    roles: ContactRoles(customer: CustomerRole()),
                    person: Person(lastName: "Wendt", firstName: "Ada"),
                    emailAddresses: EmailAddresses(business: ["ada@wendt.example"])
                )
            ).id
            try await hub.deliverEvent("contact.created", resource: id.rawValue)
            #expect(try await hub.runWorkers { try await hub.eventsHandled() })
            #expect(try await Self.feed(hub).items.count == 1)
            var contact = try await client.contacts.get(id)
            contact.phoneNumbers = PhoneNumbers(mobile: ["+49 170 5"])
            _ = try await client.contacts.update(contact, id: id)
            try await hub.deliverEvent("contact.changed", resource: id.rawValue)
            try await hub.deliverEvent("contact.changed", resource: id.rawValue)  // the same content twice: once
            #expect(try await hub.runWorkers { try await hub.eventsHandled() })

            let (items, next) = try await Self.feed(hub)
            #expect(items.map { $0["kind"] as? String } == ["created", "changed"])
            #expect(items.allSatisfy { $0["lexofficeId"] as? String == id.rawValue && $0["sourceId"] is NSNull })
            let customer = try #require(items.last?["customer"] as? [String: Any])
            #expect((customer["person"] as? [String: Any])?["lastName"] as? String == "Wendt")
            #expect((customer["phones"] as? [String: Any])?["mobile"] as? String == "+49 170 5")
            let number = try #require(try await client.contacts.get(id).roles.customer?.number)
            #expect(items.last?["customerNumber"] as? String == String(number))
            #expect(next == items.last?["cursor"] as? String)
            let resumed = try await Self.feed(hub, after: items.first?["cursor"] as? String)
            #expect(resumed.items.map { $0["kind"] as? String } == ["changed"])
            let end = try await Self.feed(hub, after: next)
            #expect(end.items.isEmpty && end.next == next, "an empty page keeps the cursor")
            let callbacks = try await InvoiceTransferTests.callbacks(hub).filter { $0.type == "customer.changed" }
            #expect(callbacks.map { $0.data["cursor"] as? String } == items.map { $0["cursor"] as? String })
        }
    }

    @Test("the hub's own create is no change; a lexoffice edit is, and the source putting it back causes no write")
    func noEcho() async throws {
        try await HubHarness.with { hub in
            try await CustomerSyncTests.syncingTenant(hub)
            let id = try await CustomerSyncTests.syncedContact(hub)
            let reads = try await InvoiceTransferTests.journal(hub).filter { $0 == "GET /v1/contacts/\(id.rawValue)" }
            // lexoffice's event of the hub's create, dated before the create finished.
            try await hub.deliverEvent("contact.created", resource: id.rawValue, at: Date().addingTimeInterval(-60))
            #expect(try await hub.runWorkers { try await hub.eventsHandled() })
            #expect(try await Self.feed(hub).items.isEmpty, "the hub's own create does not come back")
            let readsAfter = try await InvoiceTransferTests.journal(hub).filter {
                $0 == "GET /v1/contacts/\(id.rawValue)"
            }
            #expect(readsAfter.count == reads.count, "an event dated no later than the hub's write is not even read")
            // Dated later (clocks apart), it is read, and holds what was agreed: still no change.
            try await hub.deliverEvent("contact.changed", resource: id.rawValue)
            #expect(try await hub.runWorkers { try await hub.eventsHandled() })
            #expect(try await Self.feed(hub).items.isEmpty)

            let client = CustomerSyncTests.lexoffice(hub)
            var contact = try await client.contacts.get(id)
            contact.note = "Zahlt immer pünktlich"
            _ = try await client.contacts.update(contact, id: id)
            try await hub.deliverEvent("contact.changed", resource: id.rawValue)
            #expect(try await hub.runWorkers { try await Self.feed(hub).items.count == 1 })
            let entry = try #require(try await Self.feed(hub).items.first)
            #expect(entry["sourceId"] as? String == "c-1")
            let customer = try #require(entry["customer"] as? [String: Any])
            #expect(customer["note"] as? String == "Zahlt immer pünktlich")

            // The source applies the entry and sends it back as it is.
            let before = try await InvoiceTransferTests.journal(hub).filter { $0.hasPrefix("PUT /v1/contacts") }.count
            let applied = try JSONSerialization.data(withJSONObject: customer)
            let saved = try await hub.send(.put, "/api/v1/tenants/acme/customers/c-1", body: applied)
            #expect(saved.status == 202, "\(saved.body)")
            #expect(try await hub.runWorkers { try await CustomerSyncTests.isSynced(hub, "c-1", version: 2) })
            let after = try await InvoiceTransferTests.journal(hub).filter { $0.hasPrefix("PUT /v1/contacts") }.count
            #expect(after == before, "nothing new for lexoffice: no write")
            #expect(try await Self.feed(hub).items.count == 1)
        }
    }

    @Test(
        "a linked contact deleted in lexoffice: the link goes, the customer waits in conflict, the deletion is offered"
    )
    func deleted() async throws {
        try await HubHarness.with { hub in
            try await CustomerSyncTests.syncingTenant(hub)
            let id = try await CustomerSyncTests.syncedContact(hub).rawValue
            try await hub.deliverEvent("contact.deleted", resource: id)
            #expect(try await hub.runWorkers { try await Self.feed(hub).items.count == 1 })
            let entry = try #require(try await Self.feed(hub).items.first)
            #expect(entry["kind"] as? String == "deleted" && entry["sourceId"] as? String == "c-1")
            let stored = try await CustomerSyncTests.stored(hub, "c-1")
            #expect(stored["state"] as? String == "conflict")
            #expect(stored["lexofficeId"] == nil)
        }
    }

    @Test("while the sync only sends to lexoffice, lexoffice's changes are not offered")
    func toLexofficeOnly() async throws {
        try await HubHarness.with { hub in
            try await CustomerSyncTests.syncingTenant(hub, sync: #""active":true,"direction":"toLexoffice""#)
            let id = try await CustomerSyncTests.lexoffice(hub).contacts.create(
                Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), person: Person(lastName: "Wendt"))
            ).id
            try await hub.deliverEvent("contact.created", resource: id.rawValue)
            #expect(try await hub.runWorkers { try await hub.eventsHandled() })
            #expect(try await Self.feed(hub).items.isEmpty)
            let bad = try await hub.send(.get, "/api/v1/tenants/acme/customer-changes?after=x")
            #expect(bad.status == 422)
        }
    }
}

/// The first sync: every lexoffice customer offered on the feed once, page by page, while the source's customers
/// sent before are matched or created.
@Suite("Customer first sync", .timeLimit(.minutes(15)))
struct CustomerFirstSyncTests {
    static let lexofficeCustomers = 1_000
    /// The issue's 1,000. The test takes minutes of a 2-core machine, so CI runs it in a pass of its own: beside
    /// the timing-sensitive queue tests its load pushed them past their limits.
    static let sourceCustomers = 1_000
    /// Source customers 0..<overlap have the e-mail address of an existing lexoffice customer.
    static let overlap = 300

    static func syncedCount(_ hub: HubHarness) async throws -> Int {
        var count = 0
        var cursor: String?
        repeat {
            let page = try await hub.send(
                .get,
                "/api/v1/tenants/acme/customers?state=synced&limit=500" + (cursor.map { "&cursor=\($0)" } ?? "")
            ).json()
            count += (page["items"] as? [Any])?.count ?? 0
            cursor = page["nextCursor"] as? String
        } while cursor != nil
        return count
    }

    /// Every entry of the tenant's change feed, oldest first.
    static func allEntries(_ hub: HubHarness) async throws -> [[String: Any]] {
        var entries: [[String: Any]] = []
        var cursor: String?
        repeat {
            let page = try await hub.send(
                .get,
                "/api/v1/tenants/acme/customer-changes?limit=500" + (cursor.map { "&after=\($0)" } ?? "")
            ).json()
            let items = try #require(page["items"] as? [[String: Any]])
            entries += items
            cursor = items.isEmpty ? nil : page["nextCursor"] as? String
        } while cursor != nil
        return entries
    }

    @Test("1,000 lexoffice and 1,000 source customers, 300 alike: each offered once, matched or created once")
    func bothSides() async throws {
        try await HubHarness.with(lexofficeRate: 0) { hub in
            try await InvoiceTransferTests.connectedTenant(hub)
            let client = CustomerSyncTests.lexoffice(hub)
            for index in 0..<Self.lexofficeCustomers {
                _ = try await client.contacts.create(
                    Contact(
                        version: 0,
                        roles: ContactRoles(customer: CustomerRole()),
                        company: Company(name: "Kunde \(index) GmbH"),
                        emailAddresses: EmailAddresses(business: ["kunde\(index)@example.com"])
                    )
                )
            }
            _ = try await client.contacts.create(
                Contact(version: 0, roles: ContactRoles(vendor: VendorRole()), company: Company(name: "Lieferant AG"))
            )
            for index in 0..<Self.sourceCustomers {
                let email = index < Self.overlap ? "kunde\(index)@example.com" : "quelle\(index)@example.com"
                let customer = #"{"company":{"name":"Quelle \#(index) GmbH"},"emails":{"business":"\#(email)"}}"#
                #expect(
                    try await hub.send(.put, "/api/v1/tenants/acme/customers/s-\(index)", json: customer).status == 202
                )
            }
            let before = try await hub.send(.get, "/api/v1/tenants/acme/customer-first-sync")
            let state = try before.json()["state"] as? String
            #expect(before.status == 200 && state == "notStarted", "\(before.body)")

            let patched = try await hub.send(.patch, "/api/v1/tenants/acme", json: #"{"customerSync":{"active":true}}"#)
            #expect(patched.status == 200, "\(patched.body)")
            #expect(
                try await hub.runWorkers(timeout: .seconds(780)) {
                    guard try await CustomerChangeFeedTests.firstSyncFinished(hub) else { return false }
                    return try await Self.syncedCount(hub) == Self.sourceCustomers
                }
            )
            let progress = try await hub.send(.get, "/api/v1/tenants/acme/customer-first-sync").json()
            #expect(progress["pagesDone"] as? Int == 4 && progress["totalPages"] as? Int == 4, "4 pages of 250")

            let entries = try await Self.allEntries(hub)
            let offered = entries.filter { $0["kind"] as? String == "existing" }.compactMap {
                $0["lexofficeId"] as? String
            }
            #expect(Set(offered).count == offered.count, "no customer offered twice")
            #expect(progress["offered"] as? Int == offered.count)
            #expect(
                !entries.contains {
                    (($0["customer"] as? [String: Any])?["company"] as? [String: Any])?["name"] as? String
                        == "Lieferant AG"
                },
                "vendors are not customers"
            )

            var linked: Set<String> = []
            for index in 0..<Self.sourceCustomers {
                let stored = try await CustomerSyncTests.stored(hub, "s-\(index)")
                linked.insert(try #require(stored["lexofficeId"] as? String))
            }
            #expect(linked.count == Self.sourceCustomers, "each source customer has its own contact")
            var all: Set<String> = []
            for page in 0..<7 {
                let contacts = try await client.contacts.page(
                    ContactFilter(customer: true),
                    page: try PageRequest(page: page, size: 250)
                )
                all.formUnion(contacts.content.compactMap(\.id?.rawValue))
            }
            #expect(all.count == Self.lexofficeCustomers + Self.sourceCustomers - Self.overlap, "matched, not doubled")
            #expect(all.subtracting(linked).subtracting(offered).isEmpty, "every lexoffice customer reached the source")
        }
    }

    @Test(
        "10,250 lexoffice customers: past lexoffice's 10,000-entry list the rest are looked up by number, each offered once"
    )
    func pastTheListWindow() async throws {
        let count = PageRequest.searchWindow + 250
        try await HubHarness.with(lexofficeRate: 0) { hub in
            try await CustomerSyncTests.syncingTenant(
                hub,
                sync: #""active":false,"direction":"fromLexoffice","matching":[]"#
            )
            let client = CustomerSyncTests.lexoffice(hub)
            // Names in another order than the numbers lexoffice assigns, so that the customers beyond the list
            // window (sorted by name) have numbers all over the range.
            let created = try await withThrowingTaskGroup(of: [String].self) { group in
                for lane in 0..<8 {
                    group.addTask {
                        var ids: [String] = []
                        for index in stride(from: lane, to: count, by: 8) {
                            let name = String(format: "Kunde %05d GmbH", index * 7_919 % count)
                            let contact = Contact(
                                version: 0,
                                roles: ContactRoles(customer: CustomerRole()),
                                company: Company(name: name)
                            )
                            ids.append(try await client.contacts.create(contact).id.rawValue)
                        }
                        return ids
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.formUnion($1) }
            }
            #expect(created.count == count)
            let on = #"{"customerSync":{"active":true}}"#
            #expect(try await hub.send(.patch, "/api/v1/tenants/acme", json: on).status == 200)
            #expect(
                try await hub.runWorkers(timeout: .seconds(780)) {
                    try await CustomerChangeFeedTests.firstSyncFinished(hub)
                }
            )
            let offered = try await Self.allEntries(hub).filter { $0["kind"] as? String == "existing" }.compactMap {
                $0["lexofficeId"] as? String
            }
            #expect(offered.count == count, "each offered once")
            #expect(Set(offered) == created, "every customer offered, the 250 beyond the list window too")
            let progress = try await hub.send(.get, "/api/v1/tenants/acme/customer-first-sync").json()
            #expect(progress["pagesDone"] as? Int == 40 && progress["lookingUpNumber"] is NSNull)
            // 40 pages, then one lookup per customer beyond the window and at most 100 numbers below the lowest and
            // 100 above the highest.
            let reads = try await InvoiceTransferTests.journal(hub).filter { $0 == "GET /v1/contacts" }.count
            #expect(reads <= 40 + 250 + 2 * FirstCustomerSync.numberScanMargin, "\(reads) list requests")
        }
    }
}
