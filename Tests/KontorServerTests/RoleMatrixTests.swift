import Foundation
import HTTPTypes
import KontorCore
import KontorStore
import LexofficeSandbox
import Testing

/// Who may call which route of `/api/v1` (issue 22): every route × no token, the partner token, a tenant token of the
/// tenant in the path, and a tenant token of another tenant, over HTTP.
@Suite("Hub API: roles", .timeLimit(.minutes(1)))
struct RoleMatrixTests {
    /// One route of the matrix: how to call it on tenant `acme`, whether a tenant token may, and what an allowed
    /// caller gets (on a harness set up by ``prepare(_:)``).
    struct Route: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        /// The route as the router names it.
        let template: String
        /// The route for tenant `acme`.
        let path: String
        let body: String?
        let tenantTokenMay: Bool
        /// The statuses an allowed caller may get (more than one where the first allowed call changes the second).
        let allowed: Set<Int>

        var testDescription: String { "\(method) \(template)" }

        /// A tenant-scoped route: a tenant token of another tenant finds nothing there (404) where its own may call.
        var isTenantScoped: Bool { template.hasPrefix("/api/v1/tenants/{tenant}") }
    }

    static let invoice = """
        {"number":"R-1","date":"2026-03-10","taxType":"net","status":"finalized",
        "customer":{"sourceId":"K-1","company":{"name":"Radhaus Nord GmbH"},
        "address":{"street":"Lindenallee 7","zip":"22041","city":"Hamburg","countryCode":"DE"}},
        "lineItems":[{"name":"Wartung","quantity":1,"unitName":"Stunde","unitPrice":{"net":85},"taxRatePercent":19}]}
        """

    /// A customer of the customer sync.
    static let customer = #"{"person":{"lastName":"Wendt"}}"#

    /// The matrix. A tenant token may send and read its invoices and customers (with the change feed) and read its
    /// tenant, connection, jobs and activity; everything else is the partner's.
    static let routes: [Route] = {
        let tenants = "/api/v1/tenants"
        let acme = "/api/v1/tenants/acme"
        func route(
            _ method: HTTPRequest.Method,
            _ template: String,
            _ path: String,
            body: String? = nil,
            tenant: Bool = false,
            _ allowed: Set<Int>
        ) -> Route {
            Route(method: method, template: template, path: path, body: body, tenantTokenMay: tenant, allowed: allowed)
        }
        return [
            route(.post, tenants, tenants, body: #"{"id":"cleo","name":"Cleo"}"#, [201]),
            route(.get, tenants, tenants, [200]),
            route(.get, "\(tenants)/{tenant}", acme, tenant: true, [200]),
            route(.patch, "\(tenants)/{tenant}", acme, body: #"{"name":"Acme AG"}"#, [200]),
            route(.delete, "\(tenants)/{tenant}", acme, [204]),
            route(.post, "\(tenants)/{tenant}/activate", "\(acme)/activate", [200]),
            route(.post, "\(tenants)/{tenant}/deactivate", "\(acme)/deactivate", [200]),
            route(.post, "\(tenants)/{tenant}/callback-secret", "\(acme)/callback-secret", [201]),
            route(.get, "\(tenants)/{tenant}/activity", "\(acme)/activity", tenant: true, [200]),
            route(.get, "\(tenants)/{tenant}/connection", "\(acme)/connection", tenant: true, [200]),
            route(.put, "\(tenants)/{tenant}/connection/api-key", "\(acme)/connection/api-key", body: "KEY", [200]),
            route(.post, "\(tenants)/{tenant}/connection/oauth", "\(acme)/connection/oauth", [201]),
            route(.post, "\(tenants)/{tenant}/connection/check", "\(acme)/connection/check", [200]),
            route(.delete, "\(tenants)/{tenant}/connection", "\(acme)/connection", [204]),
            route(.get, "/api/v1/jobs", "/api/v1/jobs", [200]),
            route(.get, "\(tenants)/{tenant}/jobs", "\(acme)/jobs", tenant: true, [200]),
            route(.post, "/api/v1/jobs/{job}/retry", "/api/v1/jobs/JOB/retry", [409]),
            route(.get, "\(tenants)/{tenant}/invoices", "\(acme)/invoices", tenant: true, [200]),
            route(
                .put,
                "\(tenants)/{tenant}/invoices/{sourceId}",
                "\(acme)/invoices/inv-2",
                body: invoice,
                tenant: true,
                [200, 202]
            ),
            route(.get, "\(tenants)/{tenant}/invoices/{sourceId}", "\(acme)/invoices/inv-1", tenant: true, [200]),
            route(
                .post,
                "\(tenants)/{tenant}/invoices/{sourceId}/retry",
                "\(acme)/invoices/inv-1/retry",
                tenant: true,
                [202]
            ),
            route(
                .post,
                "\(tenants)/{tenant}/exports",
                "\(acme)/exports",
                body: #"{"from":"2026-03-01","to":"2026-03-31"}"#,
                [202]
            ),
            route(.get, "\(tenants)/{tenant}/exports/{export}", "\(acme)/exports/EXPORT", [200]),
            route(.get, "\(tenants)/{tenant}/customers", "\(acme)/customers", tenant: true, [200]),
            route(
                .put,
                "\(tenants)/{tenant}/customers/{sourceId}",
                "\(acme)/customers/c-2",
                body: customer,
                tenant: true,
                [200, 202]
            ),
            route(.get, "\(tenants)/{tenant}/customers/{sourceId}", "\(acme)/customers/c-1", tenant: true, [200]),
            // The tenant's customer sync is off: there is nothing a retry could do yet.
            route(
                .post,
                "\(tenants)/{tenant}/customers/{sourceId}/retry",
                "\(acme)/customers/c-1/retry",
                tenant: true,
                [409]
            ),
            route(.get, "\(tenants)/{tenant}/customer-changes", "\(acme)/customer-changes", tenant: true, [200]),
            // The tenant's customer sync was never activated: its first sync is `notStarted`.
            route(.get, "\(tenants)/{tenant}/customer-first-sync", "\(acme)/customer-first-sync", tenant: true, [200]),
            route(.get, "\(tenants)/{tenant}/archive", "\(acme)/archive", [200]),
            route(
                .put,
                "\(tenants)/{tenant}/archive",
                "\(acme)/archive",
                body: #"{"active":false,"documentTypes":["invoice"],"sinks":[{"type":"filesystem","path":"/srv"}]}"#,
                [200]
            ),
            // The archive is not active: no backfill.
            route(
                .post,
                "\(tenants)/{tenant}/archive/backfill",
                "\(acme)/archive/backfill",
                body: #"{"from":"2026-03-01","to":"2026-03-31"}"#,
                [409]
            ),
            route(.get, "\(tenants)/{tenant}/archive/items", "\(acme)/archive/items", [200]),
            route(.post, "\(tenants)/{tenant}/archive/items/{item}/retry", "\(acme)/archive/items/1/retry", [404]),
            // Before the archive's settings exist, there is no stamp secret to rotate.
            route(.post, "\(tenants)/{tenant}/archive/stamp-secret", "\(acme)/archive/stamp-secret", [201, 409]),
            route(.get, "\(tenants)/{tenant}/documents", "\(acme)/documents", tenant: true, [200]),
            // A JSON body is not a document: documents are sent as multipart/form-data.
            route(.post, "\(tenants)/{tenant}/documents", "\(acme)/documents", body: "{}", tenant: true, [415]),
            route(.get, "\(tenants)/{tenant}/documents/{document}", "\(acme)/documents/none", tenant: true, [404]),
            route(
                .post,
                "\(tenants)/{tenant}/documents/{document}/retry",
                "\(acme)/documents/none/retry",
                tenant: true,
                [404]
            ),
            route(.get, "/api/v1/forwarding", "/api/v1/forwarding", [200]),
            route(.put, "/api/v1/forwarding", "/api/v1/forwarding", body: #"{"active":true}"#, [200]),
            route(.get, "/api/v1/tokens", "/api/v1/tokens", [200]),
            route(.post, "/api/v1/tokens", "/api/v1/tokens", body: #"{"name":"another"}"#, [201]),
            route(.delete, "/api/v1/tokens/{token}", "/api/v1/tokens/TOKEN", [204]),
        ]
    }()

    /// What the routes act on: tenants `acme` (active, connected to the sandbox, one stored invoice, one export)
    /// and `bolt`, a tenant token of each, a spare token to revoke, and a job that is not dead.
    private struct Setup {
        let acmeToken: String
        let boltToken: String
        let placeholders: [String: String]
    }

    private static func prepare(_ hub: HubHarness) async throws -> Setup {
        try await hub.createActiveTenant("acme")
        try await hub.createTenant("bolt")
        let connected = try await hub.send(
            .put,
            "/api/v1/tenants/acme/connection/api-key",
            json: #"{"apiKey":"\#(hub.sandbox.defaultAPIKey)"}"#
        )
        #expect(connected.status == 200, "\(connected.body)")
        let stored = try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: Self.invoice)
        #expect(stored.status == 202, "\(stored.body)")
        let customer = try await hub.send(.put, "/api/v1/tenants/acme/customers/c-1", json: Self.customer)
        #expect(customer.status == 202, "\(customer.body)")
        let export = try await hub.send(
            .post,
            "/api/v1/tenants/acme/exports",
            json: #"{"from":"2026-01-01","to":"2026-01-31"}"#
        )
        #expect(export.status == 202, "\(export.body)")
        let tokens = APITokenStore(database: hub.database)
        let acme = try await tokens.create(scope: .tenant(TenantID("acme")), name: "acme source")
        let bolt = try await tokens.create(scope: .tenant(TenantID("bolt")), name: "bolt source")
        let spare = try await tokens.create(scope: .partner, name: "spare")
        let jobs = try await hub.send(.get, "/api/v1/tenants/acme/jobs").json()
        let job = try #require((jobs["items"] as? [[String: Any]])?.first?["id"] as? Int, "the invoice's job")
        return Setup(
            acmeToken: acme.token,
            boltToken: bolt.token,
            placeholders: [
                "JOB": String(job),
                "EXPORT": try #require(try export.json()["id"] as? String),
                "TOKEN": spare.record.id,
                "KEY": #"{"apiKey":"\#(hub.sandbox.defaultAPIKey)"}"#,
            ]
        )
    }

    @Test("the matrix names every route of /api/v1 the router registers, and only those")
    func matrixCoversEveryRoute() async throws {
        let registered = try await RegisteredRoutes.all().filter { $0.contains(" /api/v1/") }
        let matrix = Set(Self.routes.map { "\($0.method.rawValue) \($0.template)" })
        #expect(matrix.count == Self.routes.count, "no route twice")
        #expect(registered.subtracting(matrix).sorted() == [], "routes without a role decision")
        #expect(matrix.subtracting(registered).sorted() == [], "routes in the matrix the router does not serve")
    }

    @Test(
        """
        each route: 401 without a token; 403 for tenant tokens where it is the partner's; 404 for another tenant's \
        token where a tenant token may; the partner token and the tenant's own token, where it may, get through
        """,
        arguments: routes
    )
    func access(_ route: Route) async throws {
        try await HubHarness.with(lexofficeRate: 1000) { hub in
            let setup = try await Self.prepare(hub)
            var path = route.path
            var body = route.body
            for (placeholder, value) in setup.placeholders {
                path = path.replacingOccurrences(of: placeholder, with: value)
                if body == placeholder { body = value }
            }
            func call(_ token: String) async throws -> HubHarness.Answer {
                try await hub.send(route.method, path, json: body, token: token)
            }

            let anonymous = try await call("")
            #expect(anonymous.status == 401, "no token: \(anonymous.body)")

            let other = try await call(setup.boltToken)
            let otherExpected = route.tenantTokenMay && route.isTenantScoped ? 404 : 403
            #expect(other.status == otherExpected, "another tenant's token: \(other.body)")
            #expect(other.headers["content-type"] == "application/problem+json")

            let own = try await call(setup.acmeToken)
            if route.tenantTokenMay {
                #expect(route.allowed.contains(own.status), "the tenant's own token: \(own.status) \(own.body)")
            } else {
                #expect(own.status == 403, "the tenant's own token: \(own.body)")
                #expect(own.headers["content-type"] == "application/problem+json")
                #expect(try own.json()["code"] as? String == "forbidden")
            }

            let partner = try await call(hub.partnerToken)
            #expect(route.allowed.contains(partner.status), "the partner token: \(partner.status) \(partner.body)")
        }
    }
}
