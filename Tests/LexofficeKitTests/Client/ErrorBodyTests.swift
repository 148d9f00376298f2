import Foundation
import KontorTestSupport
import LexofficeKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ErrorBodyTests {
    @Test("gateway bodies are read as a single message")
    func gateway() throws {
        let body = try #require(LexofficeErrorBody(json: Fixtures.data("error-gateway-401.json")))
        #expect(body == .gateway(message: "Unauthorized"))
        let forbidden = try #require(LexofficeErrorBody(json: Fixtures.data("error-gateway-403.json")))
        guard case .gateway(let message) = forbidden else {
            Issue.record("expected a gateway body, got \(forbidden)")
            return
        }
        #expect(message?.contains("Authorization") == true)
    }

    @Test("legacy IssueList bodies keep every issue field")
    func legacy() throws {
        let body = try #require(LexofficeErrorBody(json: Fixtures.data("error-legacy-406.json")))
        guard case .legacy(let issues) = body else {
            Issue.record("expected a legacy body, got \(body)")
            return
        }
        let issue = try #require(issues.first)
        #expect(issue.i18nKey == "missing_entity")
        #expect(issue.source == "company.name")
        #expect(issue.type == "validation_failure")
        #expect(body.firstField == "company.name")
    }

    @Test("regular bodies keep trace id, details and an undocumented requestId")
    func regular() throws {
        let body = try #require(LexofficeErrorBody(json: Fixtures.data("error-regular-406.json")))
        guard case .regular(let regular) = body else {
            Issue.record("expected a regular body, got \(body)")
            return
        }
        #expect(regular.status == 406)
        #expect(regular.traceId != nil)
        #expect(regular.details?.first?.violation == "NOTNULL")
        #expect(body.traceID == regular.traceId)
        let voucherlist = try #require(LexofficeErrorBody(json: Fixtures.data("error-regular-400-voucherlist.json")))
        guard case .regular(let bad) = voucherlist else {
            Issue.record("expected a regular body, got \(voucherlist)")
            return
        }
        #expect(bad.requestId != nil)
        #expect(bad.status == 400)
    }

    @Test("a regular body's status may arrive as a string")
    func stringStatus() throws {
        let json =
            #"{"timestamp":"2025-03-04T10:15:30.123+01:00","status":"406","error":"Not Acceptable","path":"/v1/invoices","traceId":"ab12","message":"x"}"#
        guard case .regular(let body) = try #require(LexofficeErrorBody(json: Data(json.utf8))) else {
            Issue.record("expected a regular body")
            return
        }
        #expect(body.status == 406)
    }

    @Test("a bare JSON string is kept as text")
    func text() throws {
        let body = try #require(LexofficeErrorBody(json: Fixtures.data("error-files-400-text.json")))
        #expect(body == .text("Invalid or missing upload type."))
    }

    @Test("empty and non-JSON bodies give no body")
    func unparseable() {
        #expect(LexofficeErrorBody(json: Data()) == nil)
        #expect(LexofficeErrorBody(json: Data("<html>".utf8)) == nil)
    }

    @Test(
        "each status maps to its stable code",
        arguments: [
            (400, "error-regular-400-voucherlist.json", LexofficeError.Code.badRequest),
            (401, "error-gateway-401.json", .unauthorized),
            (402, "error-gateway-401.json", .paymentRequired),
            (403, "error-gateway-403.json", .forbidden),
            (404, "error-regular-406.json", .notFound),
            (406, "error-regular-406.json", .validationFailed),
            (409, "error-regular-406.json", .conflict),
            (415, "error-regular-406.json", .unsupportedMediaType),
            (501, "error-regular-406.json", .serverError),
        ]
    )
    func statusCodes(status: Int, fixture: String, code: LexofficeError.Code) async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .fixture(fixture, status: status) }) { server in
            let error = await #expect(throws: LexofficeError.self) {
                try await TestClients.client(for: server, retryPolicy: .none).eventSubscriptions.list()
            }
            #expect(error?.code == code)
            #expect(error?.status == status)
            #expect(error?.requestPath == "/v1/event-subscriptions")
            #expect(error?.method == "GET")
            #expect(error?.body != nil)
        }
    }

    @Test("a stale version is a version conflict: 409 on PUT, or 406 naming `version`")
    func versionConflicts() async throws {
        let legacyVersion =
            #"{"IssueList":[{"i18nKey":"invalid_value","source":"version","type":"validation_failure"}]}"#
        for reply in [ScriptedHTTPServer.Reply.json(409, "{}"), .json(406, legacyVersion)] {
            try await ScriptedHTTPServer.withServer(.replying { _ in reply }) { server in
                let contact = try Contact.fixture("contact-get.json")
                let error = await #expect(throws: LexofficeError.self) {
                    try await TestClients.client(for: server).contacts.update(contact, id: try #require(contact.id))
                }
                #expect(error?.code == .versionConflict)
                #expect(server.requests.count == 1)
            }
        }
    }

    @Test("the description names path, status, keys and trace id but no query, message or token")
    func safeDescription() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .fixture("error-legacy-406.json", status: 406) }) {
            server in
            let client = TestClients.client(for: server, credentials: StaticAPIKey("very-secret-key"))
            let error = await #expect(throws: LexofficeError.self) {
                try await client.contacts.page(ContactFilter(name: "Erika Mustermann"), page: PageRequest())
            }
            let text = try #require(error).description
            #expect(text.contains("GET /v1/contacts"))
            #expect(text.contains("HTTP 406"))
            #expect(text.contains("company.name: missing_entity"))
            #expect(!text.contains("Mustermann"))
            #expect(!text.contains("very-secret-key"))
        }
        try await ScriptedHTTPServer.withServer(.replying { _ in .fixture("error-gateway-403.json", status: 403) }) {
            server in
            let error = await #expect(throws: LexofficeError.self) {
                try await TestClients.client(for: server, credentials: StaticAPIKey("very-secret-key")).profile()
            }
            #expect(error.map { !$0.description.contains("very-secret-key") } == true)
        }
    }
}
