import Foundation
import NIOHTTP1

/// `KontorBench customers [contacts] [customers]`: the customer sync of the release `kontor serve` against a
/// `kontor sandbox` process with lexoffice's rate limit (2 requests/s per organization) on, one tenant.
///
/// (a) First sync of `contacts` (default 1,000) lexoffice customers onto the change feed: wall time against the
///     bound `requests / 2 rps`, requests (1 per 250 contacts).
/// (b) `customers` (default 100) new source customers (no matching rules): requests per customer (target 2: create,
///     read back) and wall time against the bound; then each changed once: requests per update (target 2: read,
///     write).
/// (c) lexoffice-side changes of `customers` / 2 of them (made through the API with a key of their own, one a second,
///     announced by the sandbox's webhooks): the hub's requests per change (target 1: read the contact).
///
/// Requests are counted from the sandbox's request journal; 429 answers are counted too (target 0).
enum CustomerBenchmark {
    static func run() async throws {
        let numbers = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }
        let contacts = numbers.first ?? 1_000
        let customers = numbers.dropFirst().first ?? 100
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        report("customers: \(buildKind) kontor serve → kontor sandbox (2 requests/s per organization), 2 cores")
        try await TransferRig.with(in: folder) { rig in
            let tenant = try await rig.setup.connectTenants(count: 1, lanes: 1, active: true, prefix: "sync")[0]
            let journal = RequestJournal(rig: rig)
            try await firstSync(rig, tenant: tenant, contacts: contacts, journal: journal)
            try await toLexoffice(rig, tenant: tenant, customers: customers, journal: journal)
            try await fromLexoffice(rig, tenant: tenant, changes: customers / 2, journal: journal)
        }
    }

    /// (a)
    private static func firstSync(
        _ rig: TransferRig,
        tenant: TenantSetup.ConnectedTenant,
        contacts: Int,
        journal: RequestJournal
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<8 {
                group.addTask {
                    for number in stride(from: lane, to: contacts, by: 8) {
                        _ = try await rig.setup.send(
                            .POST,
                            rig.setup.sandboxAdminURL + "/contacts",
                            json: #"{"version":0,"roles":{"customer":{}},"company":{"name":"Kunde \#(number) GmbH"}}"#,
                            bearer: tenant.apiKey
                        )
                    }
                }
            }
            try await group.waitForAll()
        }
        // lexoffice announces each seeded contact by webhook; while the sync is off the hub only records them.
        _ = try await rig.setup.waitForIdleQueue(limit: .seconds(600))
        try await journal.poll()
        let start = Date()
        try await patchSync(rig, tenant, #"{"active":true,"direction":"fromLexoffice","matching":[]}"#)
        try await waitUntil(limit: .seconds(600)) {
            let progress = try await rig.setup.send(
                .GET,
                rig.setup.hubURL + "/api/v1/tenants/\(tenant.id)/customer-first-sync",
                json: nil,
                authorized: true
            )
            return progress["state"] as? String == "finished"
        }
        let seconds = Date().timeIntervalSince(start)
        try await journal.poll()
        let requests = journal.entries(of: tenant.organizationID, since: start)
        report(
            String(
                format: "(a) first sync of %d lexoffice customers: %.1f s for %d requests (%d × 429); bound %.1f s",
                contacts,
                seconds,
                requests.count,
                requests.filter { $0.status == 429 }.count,
                Double(requests.count) / 2
            )
        )
    }

    /// (b)
    private static func toLexoffice(
        _ rig: TransferRig,
        tenant: TenantSetup.ConnectedTenant,
        customers: Int,
        journal: RequestJournal
    ) async throws {
        guard customers > 0 else { return }
        try await patchSync(rig, tenant, #"{"direction":"both"}"#)
        // The first sync queued one `customer.changed` callback per contact offered; they share the tenant's job
        // lane, so (b) starts after they ran (about 2 ms each), to measure the sync itself.
        _ = try await rig.setup.waitForIdleQueue(limit: .seconds(600))
        for version in 1...2 {
            try await journal.poll()
            let start = Date()
            for number in 0..<customers {
                let customer = """
                    {"person":{"firstName":"Ada","lastName":"Quelle \(number)"},\
                    "emails":{"business":"ada\(number)@quelle.example"},"note":"Fassung \(version)"}
                    """
                _ = try await rig.setup.send(
                    .PUT,
                    rig.setup.hubURL + "/api/v1/tenants/\(tenant.id)/customers/q-\(number)",
                    json: customer,
                    authorized: true
                )
            }
            try await waitUntil(limit: .seconds(3600)) {
                let page = try await rig.setup.send(
                    .GET,
                    rig.setup.hubURL + "/api/v1/tenants/\(tenant.id)/customers?state=pending&limit=1",
                    json: nil,
                    authorized: true
                )
                return (page["items"] as? [Any])?.isEmpty ?? false
            }
            try await journal.poll()
            let requests = journal.entries(of: tenant.organizationID, since: start)
            let end = requests.map(\.time).max() ?? Date()
            let seconds = end.timeIntervalSince(start)
            report(
                String(
                    format: "(b) %d source customers %@: %.2f requests each (target 2), %d × 429; %.1f s, bound %.1f s "
                        + "→ ratio %.3f",
                    customers,
                    version == 1 ? "created" : "updated",
                    Double(requests.count) / Double(customers),
                    requests.filter { $0.status == 429 }.count,
                    seconds,
                    Double(requests.count) / 2,
                    seconds / (Double(requests.count) / 2)
                )
            )
        }
    }

    /// (c)
    private static func fromLexoffice(
        _ rig: TransferRig,
        tenant: TenantSetup.ConnectedTenant,
        changes: Int,
        journal: RequestJournal
    ) async throws {
        guard changes > 0 else { return }
        var ids: [String] = []
        for number in 0..<changes {
            let stored = try await rig.setup.send(
                .GET,
                rig.setup.hubURL + "/api/v1/tenants/\(tenant.id)/customers/q-\(number)",
                json: nil,
                authorized: true
            )
            if let id = stored["lexofficeId"] as? String { ids.append(id) }
        }
        let feedBefore = try await feedLength(rig, tenant)
        // The accountant's edits go through a key of their own, so they do not use the hub's 2 requests/s.
        let accountant = try await rig.setup.send(
            .POST,
            rig.setup.sandboxAdminURL + "/api-keys",
            json: "{}",
            bearer: tenant.apiKey
        )
        guard let key = accountant["apiKey"] as? String else {
            throw BenchmarkFailure(description: "the sandbox gave no second API key: \(accountant)")
        }
        try await journal.poll()
        let start = Date()
        for id in ids {
            var contact = try await rig.setup.send(.GET, rig.sandboxURL + "/contacts/\(id)", json: nil, bearer: key)
            contact["note"] = "in lexoffice geändert"
            let body = String(decoding: try JSONSerialization.data(withJSONObject: contact), as: UTF8.self)
            _ = try await rig.setup.send(.PUT, rig.sandboxURL + "/contacts/\(id)", json: body, bearer: key)
            // The sandbox limits each key to 2 requests/s, as lexoffice does.
            try await Task.sleep(for: .milliseconds(1_050))
        }
        try await waitUntil(limit: .seconds(600)) { try await feedLength(rig, tenant) >= feedBefore + ids.count }
        try await journal.poll()
        let hubReads = journal.entries(of: tenant.organizationID, since: start).filter {
            $0.method == "GET" && $0.path.hasPrefix("/v1/contacts/")
        }
        let ownReads = ids.count  // the benchmark's own GET before each PUT
        report(
            String(
                format: "(c) %d lexoffice-side changes: %.2f hub requests each (target 1); on the feed: %d",
                ids.count,
                Double(hubReads.count - ownReads) / Double(max(ids.count, 1)),
                try await feedLength(rig, tenant) - feedBefore
            )
        )
    }

    private static func feedLength(_ rig: TransferRig, _ tenant: TenantSetup.ConnectedTenant) async throws -> Int {
        var count = 0
        var after = "0"
        while true {
            let page = try await rig.setup.send(
                .GET,
                rig.setup.hubURL + "/api/v1/tenants/\(tenant.id)/customer-changes?limit=500&after=\(after)",
                json: nil,
                authorized: true
            )
            let items = page["items"] as? [Any] ?? []
            count += items.count
            guard !items.isEmpty, let next = page["nextCursor"] as? String else { return count }
            after = next
        }
    }

    private static func patchSync(
        _ rig: TransferRig,
        _ tenant: TenantSetup.ConnectedTenant,
        _ sync: String
    )
        async throws
    {
        _ = try await rig.setup.send(
            .PATCH,
            rig.setup.hubURL + "/api/v1/tenants/\(tenant.id)",
            json: #"{"customerSync":\#(sync)}"#,
            authorized: true
        )
    }

    /// Polls `condition` every 50 ms until it holds (the wait adds at most that to a measured time).
    private static func waitUntil(limit: Duration, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: limit)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchmarkFailure(description: "the customer sync did not finish within \(limit)")
    }
}
