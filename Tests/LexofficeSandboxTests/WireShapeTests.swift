import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LexofficeKit
import LexofficeSandbox
import NIOFoundationCompat
import Testing

/// Exact JSON shapes on the wire, read as raw JSON independently of LexofficeKit's models.
@Suite(.timeLimit(.minutes(1)))
struct WireShapeTests {
    private static func keys(_ value: JSONValue?) -> Set<String> {
        guard case .object(let members)? = value else { return [] }
        return Set(members.keys)
    }

    @Test("an action result has exactly id, resourceUri, createdDate, updatedDate, version, and a Location header")
    func actionResult() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let response = try await SandboxHarness.send(
                "POST",
                server.baseURL + "/articles",
                apiKey: server.defaultAPIKey,
                body:
                    #"{"title":"Schloss","type":"PRODUCT","unitName":"Stück","price":{"netPrice":10,"leadingPrice":"NET","taxRate":19}}"#
            )
            #expect(response.status == 201)
            #expect(Self.keys(response.json) == ["id", "resourceUri", "createdDate", "updatedDate", "version"])
            #expect(response.headers["location"] == response.json?["resourceUri"]?.stringValue)
            let created = try #require(response.json?["createdDate"]?.stringValue)
            #expect(
                created.range(
                    of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$"#,
                    options: .regularExpression
                ) != nil
            )
        }
    }

    @Test("a page has content, first, last, totalPages, totalElements, numberOfElements, size, number, sort")
    func pageWrapper() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let response = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/voucherlist?voucherType=any&voucherStatus=any&size=10",
                apiKey: server.defaultAPIKey
            )
            #expect(
                Self.keys(response.json) == [
                    "content", "first", "last", "totalPages", "totalElements", "numberOfElements", "size", "number",
                    "sort",
                ]
            )
            guard case .array(let sort)? = response.json?["sort"], let first = sort.first else {
                Issue.record("expected a sort array")
                return
            }
            #expect(Self.keys(first) == ["property", "direction", "ignoreCase", "nullHandling", "ascending"])
            #expect(response.json?["size"] == .number(10))
        }
    }

    @Test("error bodies: regular with timestamp/status/error/path/traceId/message/details; legacy IssueList entries")
    func errorBodies() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let regular = try await SandboxHarness.send(
                "POST",
                server.baseURL + "/articles",
                apiKey: server.defaultAPIKey,
                body:
                    #"{"type":"PRODUCT","unitName":"Stück","price":{"netPrice":10,"leadingPrice":"NET","taxRate":19}}"#
            )
            #expect(regular.status == 406)
            #expect(
                Self.keys(regular.json) == ["timestamp", "status", "error", "path", "traceId", "message", "details"]
            )
            #expect(regular.json?["error"] == .string("Not Acceptable"))
            guard case .array(let details)? = regular.json?["details"], let detail = details.first else {
                Issue.record("expected details")
                return
            }
            #expect(Self.keys(detail) == ["violation", "field", "message"])

            let legacy = try await SandboxHarness.send(
                "POST",
                server.baseURL + "/contacts",
                apiKey: server.defaultAPIKey,
                body: #"{"version":0,"roles":{"customer":{}},"company":{"name":""}}"#
            )
            guard case .array(let issues)? = legacy.json?["IssueList"], let issue = issues.first else {
                Issue.record("expected an IssueList")
                return
            }
            #expect(Self.keys(legacy.json) == ["IssueList"])
            #expect(Self.keys(issue).isSuperset(of: ["i18nKey", "source", "type"]))
        }
    }

    @Test("the routes mount under a prefix inside another Hummingbird application")
    func mountedUnderPrefix() async throws {
        let sandbox = try SandboxServer(
            configuration: SandboxConfiguration(rateLimit: nil, publicBaseURL: "http://127.0.0.1/sandbox/v1")
        )
        let router = Router()
        router.addRoutes(sandbox.routes(), atPath: "/sandbox")
        router.get("/healthz") { _, _ in "ok" }
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0))
        )
        try await app.test(.live) { client in
            let profile = try await client.execute(
                uri: "/sandbox/v1/profile",
                method: .get,
                headers: [.authorization: "Bearer \(sandbox.defaultAPIKey)"]
            )
            #expect(profile.status == .ok)
            let body = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: profile.body))
            #expect(body["organizationId"]?.stringValue == sandbox.defaultOrganizationID.rawValue)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
    }
}
