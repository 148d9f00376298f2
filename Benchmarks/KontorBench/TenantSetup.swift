import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Creates tenants through the hub API and connects each to its own sandbox organization, the way a partner
/// would: `POST /_sandbox/organizations`, `POST /api/v1/tenants`, `PUT /api/v1/tenants/{id}/connection/api-key`.
struct TenantSetup {
    let client: HTTPClient
    let hubURL: String
    let token: String
    let sandboxAdminURL: String

    /// The same setup against a hub restarted at `hubURL` (same database, same token).
    func at(_ hubURL: String) -> TenantSetup {
        TenantSetup(client: client, hubURL: hubURL, token: token, sandboxAdminURL: sandboxAdminURL)
    }

    /// A tenant connected to its own sandbox organization.
    struct ConnectedTenant: Sendable {
        /// The hub's tenant id.
        var id: String
        /// The lexoffice organization.
        var organizationID: String
        /// The organization's API key.
        var apiKey: String
    }

    /// Creates and connects `count` tenants, `lanes` at a time (the hub paces each connection at lexoffice's
    /// 2 requests/s, so one connect takes seconds; `client` needs a pool of `lanes` connections per host).
    /// - Parameters:
    ///   - settings: the tenants' settings as JSON, e.g. `{"autoTransfer":false}`.
    ///   - active: whether to activate the tenants (since 2026-01-01).
    ///   - prefix: the tenant ids are `<prefix>-<number>`.
    func connectTenants(
        count: Int,
        lanes: Int,
        settings: String = "{}",
        active: Bool = false,
        prefix: String = "bench"
    ) async throws
        -> [ConnectedTenant]
    {
        try await withThrowingTaskGroup(of: [ConnectedTenant].self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    var tenants: [ConnectedTenant] = []
                    for number in stride(from: lane, to: count, by: lanes) {
                        tenants.append(
                            try await connectTenant("\(prefix)-\(number)", settings: settings, active: active)
                        )
                    }
                    return tenants
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    /// Creates the tenant `id`, active since 2026-01-01, without a connection.
    func createActiveTenant(_ id: String) async throws {
        _ = try await send(
            .POST,
            hubURL + "/api/v1/tenants",
            json: #"{"id":"\#(id)","name":"\#(id)"}"#,
            authorized: true
        )
        _ = try await send(
            .POST,
            hubURL + "/api/v1/tenants/\(id)/activate",
            json: #"{"since":"2026-01-01T00:00:00Z"}"#,
            authorized: true
        )
    }

    private func connectTenant(_ tenant: String, settings: String, active: Bool) async throws -> ConnectedTenant {
        let organization = try await send(
            .POST,
            sandboxAdminURL + "/organizations",
            json: #"{"companyName":"Mandant \#(tenant) GmbH"}"#
        )
        guard let apiKey = organization["apiKey"] as? String else {
            throw BenchmarkFailure(description: "the sandbox created no organization: \(organization)")
        }
        _ = try await send(
            .POST,
            hubURL + "/api/v1/tenants",
            json: #"{"id":"\#(tenant)","name":"Mandant \#(tenant)","settings":\#(settings)}"#,
            authorized: true
        )
        if active {
            _ = try await send(
                .POST,
                hubURL + "/api/v1/tenants/\(tenant)/activate",
                json: #"{"since":"2026-01-01T00:00:00Z"}"#,
                authorized: true
            )
        }
        let connection = try await send(
            .PUT,
            hubURL + "/api/v1/tenants/\(tenant)/connection/api-key",
            json: #"{"apiKey":"\#(apiKey)"}"#,
            authorized: true
        )
        guard let organizationID = connection["organizationId"] as? String else {
            throw BenchmarkFailure(description: "tenant \(tenant) was not connected: \(connection)")
        }
        return ConnectedTenant(id: tenant, organizationID: organizationID, apiKey: apiKey)
    }

    /// Sends `json` (none for `nil`) and returns the answer's JSON object; any status outside 2xx fails the
    /// benchmark. `authorized` sends the hub token; `bearer` another one (a sandbox organization's API key).
    /// Waits (up to `limit`) until the hub's queue has nothing due, running or staged, so that a measurement does
    /// not compete with the setup's own jobs (a connected tenant's `connection.connected` callback).
    /// - Returns: How long it waited, and the queue's gauges when it stopped waiting.
    func waitForIdleQueue(limit: Duration = .seconds(120)) async throws -> (seconds: Double, gauges: String) {
        let start = ContinuousClock.now
        var gauges = ""
        while start.duration(to: .now) < limit {
            var request = HTTPClientRequest(url: hubURL + "/metrics")
            request.method = .GET
            let body = try await client.execute(request, timeout: .seconds(30)).body.collect(upTo: 1 << 20)
            let lines = String(buffer: body).split(separator: "\n").filter {
                $0.hasPrefix("kontor_jobs{state=\"queued\"}") || $0.hasPrefix("kontor_jobs{state=\"running\"}")
                    || $0.hasPrefix("kontor_staged_jobs ")
            }
            gauges = lines.joined(separator: ", ")
            if lines.count == 3, lines.allSatisfy({ $0.hasSuffix(" 0.0") || $0.hasSuffix(" 0") }) { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        return (start.duration(to: .now).inSeconds, gauges)
    }

    func send(
        _ method: HTTPMethod,
        _ url: String,
        json: String?,
        authorized: Bool = false,
        bearer: String? = nil
    ) async throws
        -> [String: Any]
    {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let bearer = authorized ? token : bearer {
            request.headers.add(name: "Authorization", value: "Bearer \(bearer)")
        }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard (200..<300).contains(response.status.code) else {
            throw BenchmarkFailure(description: "\(method) \(url) answered \(response.status): \(String(buffer: body))")
        }
        return (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }
}
