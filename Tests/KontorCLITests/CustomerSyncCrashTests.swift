import Foundation
import KontorTestSupport
import LexofficeKit
import NIOHTTP1
import Testing

/// `kill -9` of `kontor serve` in the middle of the initial customer sync of both sides (lexoffice's customers
/// offered on the feed, the source's created or matched in lexoffice), against a `kontor sandbox` process: after a
/// restart no contact is doubled, none is missing, every source customer is linked to its own contact.
@Suite(.timeLimit(.minutes(5)))
struct CustomerSyncCrashTests {
    private static let lexofficeCustomers = 600
    private static let sourceCustomers = 300
    /// Source customers 0..<overlap have the e-mail address of an existing lexoffice customer.
    private static let overlap = 100

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
            let lexoffice = LexofficeClient(
                configuration: LexofficeClientConfiguration(baseURL: sandbox.lexofficeURL, requestsPerSecond: 0),
                credentials: StaticAPIKey(Secret(sandbox.apiKey))
            )
            for number in 0..<Self.lexofficeCustomers {
                _ = try await lexoffice.contacts.create(
                    Contact(
                        version: 0,
                        roles: ContactRoles(customer: CustomerRole()),
                        company: Company(name: "Kunde \(number) GmbH"),
                        emailAddresses: EmailAddresses(business: ["kunde\(number)@example.com"])
                    )
                )
            }
            let serve = { try HubProcesses.serve(binary, sandbox, rate: 20) }
            let hub = try serve()
            defer { hub.terminate() }
            let hubURL = try #require(
                HubProcesses.word(after: "on", in: try await hub.line(containing: "listening on"))
            )
            let token = String(try #require(try await hub.line(containing: "Admin token").split(separator: " ").last))
            let api = hubURL + "/api/v1/tenants"
            #expect(
                try await HubProcesses.send(.POST, api, token: token, json: #"{"id":"acme","name":"Acme"}"#).0 == 201
            )
            let since = #"{"since":"2026-01-01T00:00:00Z"}"#
            #expect(try await HubProcesses.send(.POST, api + "/acme/activate", token: token, json: since).0 == 200)
            let key = #"{"apiKey":"\#(sandbox.apiKey)"}"#
            #expect(
                try await HubProcesses.send(.PUT, api + "/acme/connection/api-key", token: token, json: key).0 == 200
            )
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

            let firstSync = try await HubProcesses.send(
                .GET,
                restartedURL + "/api/v1/tenants/acme/customer-first-sync",
                token: token
            ).1
            #expect(firstSync["state"] as? String == "finished")
            var offered: [String] = []
            var after = "0"
            while true {
                let page = try await HubProcesses.send(
                    .GET,
                    restartedURL + "/api/v1/tenants/acme/customer-changes?limit=500&after=\(after)",
                    token: token
                ).1
                let items = page["items"] as? [[String: Any]] ?? []
                guard !items.isEmpty, let next = page["nextCursor"] as? String else { break }
                offered += items.filter { $0["kind"] as? String == "existing" }.compactMap {
                    $0["lexofficeId"] as? String
                }
                after = next
            }
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
}
