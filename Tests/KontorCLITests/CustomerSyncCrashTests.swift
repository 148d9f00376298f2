import Foundation
import KontorTestSupport
import LexofficeKit
import NIOHTTP1
import Testing

/// `kill -9` of `kontor serve` in the middle of the initial customer sync of both sides (lexoffice's customers
/// offered on the feed, the source's created or matched in lexoffice), and in the middle of the first sync's paging
/// through lexoffice's contacts, against a `kontor sandbox` process: after a restart no contact is doubled, none is
/// missing, every source customer is linked to its own contact, every lexoffice customer is offered once.
@Suite(.timeLimit(.minutes(5)))
struct CustomerSyncCrashTests {
    private static let lexofficeCustomers = 600
    private static let sourceCustomers = 300
    /// Source customers 0..<overlap have the e-mail address of an existing lexoffice customer.
    private static let overlap = 100
    /// The lexoffice customers of the first-sync test: 10 pages of 250.
    private static let firstSyncCustomers = 2_500

    /// A client of the sandbox that does not pace its requests.
    private static func lexoffice(_ sandbox: HubProcesses.Sandbox) -> LexofficeClient {
        LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: sandbox.lexofficeURL, requestsPerSecond: 0),
            credentials: StaticAPIKey(Secret(sandbox.apiKey))
        )
    }

    /// Creates lexoffice customers 0..<count ("Kunde n GmbH", kunde n@example.com), four at a time; returns their ids.
    @discardableResult
    private static func createCustomers(_ count: Int, with lexoffice: LexofficeClient) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String].self) { group in
            for lane in 0..<4 {
                group.addTask {
                    var ids: [String] = []
                    for number in stride(from: lane, to: count, by: 4) {
                        let created = try await lexoffice.contacts.create(
                            Contact(
                                version: 0,
                                roles: ContactRoles(customer: CustomerRole()),
                                company: Company(name: "Kunde \(number) GmbH"),
                                emailAddresses: EmailAddresses(business: ["kunde\(number)@example.com"])
                            )
                        )
                        ids.append(created.id.rawValue)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    /// Acme's first customer sync as the hub shows it (`state`, `pagesDone`, `totalPages`, `offered`, …).
    private static func firstSync(_ hubURL: String, token: String) async throws -> [String: Any] {
        try await HubProcesses.send(.GET, hubURL + "/api/v1/tenants/acme/customer-first-sync", token: token).1
    }

    /// The lexoffice ids of the `existing` entries on acme's change feed, oldest first, read to its end.
    private static func offeredExisting(_ hubURL: String, token: String) async throws -> [String] {
        var offered: [String] = []
        var after = "0"
        while true {
            let page = try await HubProcesses.send(
                .GET,
                hubURL + "/api/v1/tenants/acme/customer-changes?limit=500&after=\(after)",
                token: token
            ).1
            let items = page["items"] as? [[String: Any]] ?? []
            guard !items.isEmpty, let next = page["nextCursor"] as? String else { break }
            offered += items.filter { $0["kind"] as? String == "existing" }.compactMap {
                $0["lexofficeId"] as? String
            }
            after = next
        }
        return offered
    }

    private static func sourceCustomer(_ number: Int) -> String {
        let email = number < overlap ? "kunde\(number)@example.com" : "quelle\(number)@example.com"
        return #"{"company":{"name":"Quelle \#(number) GmbH"},"emails":{"business":"\#(email)"}}"#
    }

    private static func syncedCount(_ hubURL: String, token: String) async throws -> Int {
        var count = 0
        var cursor: String?
        repeat {
            let page = try await HubProcesses.send(
                .GET,
                hubURL + "/api/v1/tenants/acme/customers?state=synced&limit=500"
                    + (cursor.map { "&cursor=\($0)" } ?? ""),
                token: token
            ).1
            count += (page["items"] as? [Any])?.count ?? 0
            cursor = page["nextCursor"] as? String
        } while cursor != nil
        return count
    }

    @Test("kill -9 during the initial sync of 600 lexoffice and 300 source customers: none doubled, none missing")
    func killDuringInitialSync() async throws {
        let binary = try #require(
            HubProcesses.binary,
            "the kontor binary is missing: build it with swift build --build-tests"
        )
        try await HubProcesses.withSandbox { sandbox in
            let lexoffice = Self.lexoffice(sandbox)
            try await Self.createCustomers(Self.lexofficeCustomers, with: lexoffice)
            let serve = { try HubProcesses.serve(binary, sandbox, rate: 20) }
            let hub = try serve()
            defer { hub.terminate() }
            let (hubURL, token) = try await HubProcesses.connectedTenant(on: hub, to: sandbox)
            let api = hubURL + "/api/v1/tenants"
            for number in 0..<Self.sourceCustomers {
                let path = api + "/acme/customers/s-\(number)"
                #expect(
                    try await HubProcesses.send(.PUT, path, token: token, json: Self.sourceCustomer(number)).0 == 202
                )
            }
            let on = #"{"customerSync":{"active":true}}"#
            #expect(try await HubProcesses.send(.PATCH, api + "/acme", token: token, json: on).0 == 200)
            var syncedAtCrash = 0
            #expect(
                try await eventually(timeout: .seconds(90)) {
                    syncedAtCrash = try await Self.syncedCount(hubURL, token: token)
                    return syncedAtCrash >= 60
                }
            )
            await hub.crash()
            #expect(syncedAtCrash < Self.sourceCustomers, "the hub died in the middle of the sync")

            let (restarted, restartedURL) = try await HubProcesses.started(serve)
            defer { restarted.terminate() }
            #expect(
                try await eventually(timeout: .seconds(180)) {
                    try await Self.syncedCount(restartedURL, token: token) == Self.sourceCustomers
                }
            )
            let all = try await lexoffice.contacts.page(ContactFilter(customer: true), page: try PageRequest(size: 250))
            #expect(
                all.totalElements == Self.lexofficeCustomers + Self.sourceCustomers - Self.overlap,
                "the overlapping customers were matched, the others created once"
            )
            var linked: Set<String> = []
            for number in 0..<Self.sourceCustomers {
                let customer = try await HubProcesses.send(
                    .GET,
                    restartedURL + "/api/v1/tenants/acme/customers/s-\(number)",
                    token: token
                ).1
                let id = try #require(customer["lexofficeId"] as? String)
                linked.insert(id)
                if number < Self.overlap {
                    let contact = try await lexoffice.contacts.get(try LexofficeID(id))
                    #expect(contact.emailAddresses?.business == ["kunde\(number)@example.com"])
                }
            }
            #expect(linked.count == Self.sourceCustomers, "each source customer has its own contact")

            #expect(try await Self.firstSync(restartedURL, token: token)["state"] as? String == "finished")
            let offered = try await Self.offeredExisting(restartedURL, token: token)
            #expect(Set(offered).count == offered.count, "no lexoffice customer offered twice")
            // Every lexoffice customer is on the feed, or linked to a source customer that agreed with it first.
            var everyCustomer: Set<String> = []
            for page in 0..<((all.totalPages ?? 1)) {
                let contacts = try await lexoffice.contacts.page(
                    ContactFilter(customer: true),
                    page: try PageRequest(page: page, size: 250)
                )
                everyCustomer.formUnion(contacts.content.compactMap(\.id?.rawValue))
            }
            let createdBySync = everyCustomer.subtracting(Set(offered)).subtracting(linked)
            #expect(
                createdBySync.isEmpty,
                "every lexoffice customer reached the source: \(createdBySync.count) missing"
            )
            await restarted.stop()
        }
    }

    @Test("kill -9 while the first sync pages through 2,500 lexoffice customers: each offered once after a restart")
    func killDuringFirstSyncPaging() async throws {
        let binary = try #require(
            HubProcesses.binary,
            "the kontor binary is missing: build it with swift build --build-tests"
        )
        try await HubProcesses.withSandbox { sandbox in
            let seeded = try await Self.createCustomers(Self.firstSyncCustomers, with: Self.lexoffice(sandbox))
            // One lexoffice request a second: the 10 pages take about 10 seconds, the kill lands between two of them.
            let serve = { try HubProcesses.serve(binary, sandbox, rate: 1, lease: 5) }
            let hub = try serve()
            defer { hub.terminate() }
            let (hubURL, token) = try await HubProcesses.connectedTenant(on: hub, to: sandbox)
            let on = #"{"customerSync":{"active":true,"direction":"fromLexoffice","matching":[]}}"#
            #expect(
                try await HubProcesses.send(.PATCH, hubURL + "/api/v1/tenants/acme", token: token, json: on).0 == 200
            )
            var atCrash: [String: Any] = [:]
            #expect(
                try await eventually(timeout: .seconds(90)) {
                    atCrash = try await Self.firstSync(hubURL, token: token)
                    return atCrash["state"] as? String == "finished" || (atCrash["pagesDone"] as? Int ?? 0) >= 2
                }
            )
            await hub.crash()
            let pagesDone = atCrash["pagesDone"] as? Int ?? 0
            let totalPages = atCrash["totalPages"] as? Int ?? 0
            #expect(
                atCrash["state"] as? String == "running" && pagesDone >= 2 && pagesDone < totalPages,
                "the hub died in the middle of the first sync's paging, not after it: \(atCrash)"
            )

            let (restarted, restartedURL) = try await HubProcesses.started(serve)
            defer { restarted.terminate() }
            #expect(
                try await eventually(timeout: .seconds(120)) {
                    try await Self.firstSync(restartedURL, token: token)["state"] as? String == "finished"
                }
            )
            let offered = try await Self.offeredExisting(restartedURL, token: token)
            #expect(Set(offered) == Set(seeded), "every lexoffice customer offered, no other contact")
            #expect(offered.count == Self.firstSyncCustomers, "no lexoffice customer offered twice")
            await restarted.stop()
        }
    }
}
