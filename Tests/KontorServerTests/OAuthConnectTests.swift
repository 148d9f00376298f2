import AsyncHTTPClient
import Foundation
import HTTPTypes
import KontorCore
import KontorServer
import KontorStore
import LexofficeKit
import LexofficeSandbox
import NIOCore
import NIOHTTP1
import Testing

@Suite("Hub API: OAuth2 connect with the sandbox", .serialized, .timeLimit(.minutes(1)))
struct OAuthConnectTests {
    /// Plays the browser: follows the hub's start link to the sandbox's consent (auto-approved) and back to the
    /// hub's callback, carrying the session cookie only if `keepCookie`.
    private func browse(_ hub: HubHarness, startURL: String, keepCookie: Bool = true) async throws -> HubHarness.Answer
    {
        let browser = HTTPClient(configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        defer { _ = browser.shutdown() }
        let start = try await browser.execute(
            HTTPClientRequest(url: hub.baseURL + startURL.replacingOccurrences(of: "http://127.0.0.1:9/hub", with: "")),
            timeout: .seconds(10)
        )
        #expect(start.status == .found)
        let cookie = try #require(start.headers.first(name: "set-cookie")).split(separator: ";")[0]
        #expect(start.headers.first(name: "set-cookie")?.contains("HttpOnly") == true)
        let consent = try #require(start.headers.first(name: "location"))
        #expect(consent.contains("state="))
        for scope in ["invoices.write", "credit-notes.write", "voucherlist.read", "payments.read"] {
            #expect(consent.contains(scope), "the hub asks for \(scope)")
        }
        let approved = try await browser.execute(HTTPClientRequest(url: consent), timeout: .seconds(10))
        #expect(approved.status == .found)
        let back = try #require(approved.headers.first(name: "location"))
        let query = try #require(URLComponents(string: back)?.percentEncodedQuery)
        return try await hub.send(
            .get,
            "/oauth/callback?" + query,
            token: "",
            headers: keepCookie ? ["Cookie": String(cookie)] : [:]
        )
    }

    private func startURL(_ hub: HubHarness, tenant: String = "acme") async throws -> String {
        let started = try await hub.send(.post, "/api/v1/tenants/\(tenant)/connection/oauth")
        #expect(started.status == 201)
        return try #require(try started.json()["startUrl"] as? String)
    }

    @Test("the consent round trip connects the tenant; the callback works only in the browser session that started it")
    func connect() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let foreign = try await browse(hub, startURL: try await startURL(hub), keepCookie: false)
            #expect(foreign.status == 403)
            #expect(try foreign.json()["code"] as? String == "invalid-state")

            let link = try await startURL(hub)
            let done = try await browse(hub, startURL: link)
            #expect(done.status == 200, "\(done.body)")
            #expect(done.body.contains("is connected"))
            let connection = try await hub.send(.get, "/api/v1/tenants/acme/connection").json()
            #expect(connection["kind"] as? String == "oauth2")
            #expect(connection["organizationId"] as? String == hub.sandbox.defaultOrganizationID.description)
            #expect(connection["subscriptions"] as? Int == HubServerConfiguration.requiredEvents.count)

            let reused = try await hub.send(
                .get,
                "/oauth/start?" + (URLComponents(string: link)?.percentEncodedQuery ?? ""),
                token: ""
            )
            #expect(reused.status == 404, "a start link works once")
        }
    }

    @Test("an expiring access token is renewed and stored; a revoked grant marks the tenant for reconnecting")
    func refreshAndRevocation() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            _ = try await browse(hub, startURL: try await startURL(hub))
            let connections = ConnectionStore(database: hub.database, secrets: hub.secrets)
            let before = try await connections.credentials(of: TenantID("acme"))
            let checked = try await hub.send(.post, "/api/v1/tenants/acme/connection/check")
            #expect(checked.status == 200)
            #expect(try checked.json()["status"] as? String == "connected")
            let after = try await connections.credentials(of: TenantID("acme"))
            #expect(after != before, "the 60 s token is inside the 300 s refresh margin, so it was renewed and stored")

            guard case .oauth2(_, let refresh) = after else {
                Issue.record("not OAuth2 credentials: \(after)")
                return
            }
            var revoke = HTTPClientRequest(url: String(hub.sandbox.baseURL.dropLast(3)) + "/oauth2/revoke")
            revoke.method = .POST
            revoke.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            revoke.headers.add(
                name: "Authorization",
                value: "Basic " + Data("kontor-demo:kontor-demo-secret".utf8).base64EncodedString()
            )
            revoke.body = .bytes(ByteBuffer(string: "token=" + refresh))
            #expect(try await HTTPClient.shared.execute(revoke, timeout: .seconds(10)).status == .ok)

            let failed = try await hub.send(.post, "/api/v1/tenants/acme/connection/check")
            #expect(try failed.json()["status"] as? String == "reconnect-needed")
            #expect(try await JobQueue(database: hub.database).pauseReason(of: TenantID("acme")) == "reconnect needed")
        }
    }

    @Test("renewals of one connection at once renew it once; lexoffice's rotated refresh token never strands it")
    func concurrentRenewals() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            _ = try await browse(hub, startURL: try await startURL(hub))
            let connections = ConnectionStore(database: hub.database, secrets: hub.secrets)
            let before = try await connections.credentials(of: TenantID("acme"))
            // Each check builds its own client from the stored 60 s token, inside the 300 s refresh margin: all
            // want to renew at once, as a worker, the API and another hub process would.
            let statuses = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await hub.send(.post, "/api/v1/tenants/acme/connection/check").json()["status"] as? String
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: "connected", count: 4))
            #expect(try await JobQueue(database: hub.database).pauseReason(of: TenantID("acme")) == nil)
            let after = try await connections.credentials(of: TenantID("acme"))
            #expect(after != before)
            let again = try await hub.send(.post, "/api/v1/tenants/acme/connection/check")
            #expect(try again.json()["status"] as? String == "connected")
        }
    }

    @Test("without an OAuth2 application a connect start is a 409")
    func unconfiguredIsConflict() async throws {
        try await HubHarness.with(oauth: false) { hub in
            try await hub.createTenant("acme")
            #expect(try await hub.send(.post, "/api/v1/tenants/acme/connection/oauth").status == 409)
        }
    }
}
