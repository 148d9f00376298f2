import Foundation
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import Synchronization
import Testing

/// The OAuth2 emulation, driven by LexofficeKit's `OAuth2Client` and `OAuth2TokenProvider` over HTTP.
@Suite(.timeLimit(.minutes(1)))
struct OAuthTests {
    private static let allScopes = [
        "profile.read", "contacts.read", "contacts.write", "event-subscriptions.read", "event-subscriptions.write",
    ]

    @Test("with auto-approve, authorize → code → exchange yields a token that calls the API")
    func autoApprovedFlow() async throws {
        try await OAuthHarness.withSandbox { sandbox in
            let token = try await sandbox.connect(scopes: Self.allScopes)
            #expect(token.tokenType == "Bearer")
            #expect(token.scope == Self.allScopes.joined(separator: " "))
            #expect(token.refreshToken != nil)
            #expect(token.expiresAt.date.timeIntervalSinceNow > 3500)
            let (client, _) = sandbox.apiClient(token)
            let profile = try await client.profile()
            #expect(profile.organizationId == sandbox.server.defaultOrganizationID)
            let apiKeyProfile = try await SandboxHarness.client(
                for: sandbox.server,
                apiKey: sandbox.server.defaultAPIKey
            ).profile()
            #expect(profile.connectionId != nil)
            #expect(profile.connectionId != apiKeyProfile.connectionId, "each OAuth connection has its own id")
        }
    }

    @Test("organization_id (sandbox extension) connects another organization")
    func otherOrganization() async throws {
        try await OAuthHarness.withSandbox { sandbox in
            let created = try await SandboxHarness.send(
                "POST",
                sandbox.root + "/_sandbox/organizations",
                apiKey: nil,
                body: #"{"companyName": "Zweite GmbH"}"#
            )
            let organizationID = try #require(created.json?["organizationId"]?.stringValue)
            let url =
                sandbox.oauthClient().authorizationURL(scopes: ["profile.read"], state: "s")
                + "&organization_id=" + organizationID
            let answer = try await sandbox.browse(url)
            let code = try #require(try OAuthHarness.parameters(of: answer.location)["code"])
            let (client, _) = sandbox.apiClient(try await sandbox.oauthClient().exchange(code: code))
            #expect(try await client.profile().organizationId.rawValue == organizationID)
        }
    }

    @Test("the consent page shows client and scopes; approving redirects with a code, denying with an error")
    func consentPage() async throws {
        let configuration = SandboxConfiguration(rateLimit: nil)
        try await OAuthHarness.withSandbox(configuration) { sandbox in
            let url = sandbox.oauthClient().authorizationURL(scopes: ["contacts.read", "vouchers.write"], state: "s1")
            let page = try await sandbox.browse(url)
            #expect(page.status == 200)
            #expect(page.contentType?.hasPrefix("text/html") == true)
            for text in ["kontor-demo", "contacts.read", "vouchers.write", "Sandbox Fahrradwerkstatt GmbH", "Approve"] {
                #expect(page.text.contains(text))
            }
            let formToken = try #require(Self.formToken(in: page.text))
            let approved = try await sandbox.browse(
                sandbox.root + "/oauth2/authorize",
                form: [("form_token", formToken), ("decision", "approve")]
            )
            #expect(approved.status == 302)
            let parameters = try OAuthHarness.parameters(of: approved.location)
            #expect(approved.location?.hasPrefix(OAuthHarness.redirectURI + "?") == true)
            #expect(parameters["state"] == "s1")
            let token = try await sandbox.oauthClient().exchange(code: try #require(parameters["code"]))
            #expect(token.scope == "contacts.read vouchers.write")

            let reused = try await sandbox.browse(
                sandbox.root + "/oauth2/authorize",
                form: [("form_token", formToken), ("decision", "approve")]
            )
            #expect(reused.status == 400 && reused.location == nil, "a form token works once")

            let second = try #require(Self.formToken(in: try await sandbox.browse(url).text))
            let denied = try await sandbox.browse(
                sandbox.root + "/oauth2/authorize",
                form: [("form_token", second), ("decision", "deny")]
            )
            #expect(denied.status == 302)
            let denial = try OAuthHarness.parameters(of: denied.location)
            #expect(denial["error"] == "access_denied" && denial["state"] == "s1" && denial["code"] == nil)
        }
    }

    @Test("an unknown client or an unregistered redirect URI gets an error page, never a redirect")
    func untrustedRequestsAreNotRedirected() async throws {
        try await OAuthHarness.withSandbox { sandbox in
            let base = sandbox.root + "/oauth2/authorize?response_type=code&scope=profile.read&state=x"
            for query in [
                "&client_id=kontor-demo&redirect_uri=https%3A%2F%2Fevil.example%2Fcb",
                "&client_id=kontor-demo&redirect_uri=http%3A%2F%2F127.0.0.1.evil.example%2Fcb",
                "&client_id=nobody&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcallback",
            ] {
                let answer = try await sandbox.browse(base + query)
                #expect(answer.status == 400)
                #expect(answer.location == nil)
                #expect(answer.contentType?.hasPrefix("text/html") == true)
            }
            let unknownScope = try await sandbox.browse(
                sandbox.oauthClient().authorizationURL(scopes: ["everything.write"], state: "x")
            )
            #expect(try OAuthHarness.parameters(of: unknownScope.location)["error"] == "invalid_scope")
        }
    }

    @Test("a code is single-use: the second exchange is invalid_grant")
    func codeReuse() async throws {
        try await OAuthHarness.withSandbox { sandbox in
            let code = try await sandbox.authorizationCode(scopes: ["profile.read"])
            _ = try await sandbox.oauthClient().exchange(code: code)
            let error = try await #require(throws: LexofficeError.self) {
                try await sandbox.oauthClient().exchange(code: code)
            }
            #expect(error.code == .unauthorized)
            #expect(error.status == 400)
            #expect(error.detail.contains("invalid_grant"))
        }
    }

    @Test("a wrong client secret is invalid_client (401)")
    func wrongSecret() async throws {
        try await OAuthHarness.withSandbox { sandbox in
            let code = try await sandbox.authorizationCode(scopes: ["profile.read"])
            let error = try await #require(throws: LexofficeError.self) {
                try await sandbox.oauthClient(secret: "guessed").exchange(code: code)
            }
            #expect(error.status == 401)
            #expect(error.detail.contains("invalid_client"))
            _ = try await sandbox.oauthClient().exchange(code: code)  // the failed attempt did not use the code
        }
    }

    @Test("a refresh rotates the refresh token; the old one is refused afterwards")
    func refreshRotates() async throws {
        try await OAuthHarness.withSandbox { sandbox in
            let first = try await sandbox.connect(scopes: ["profile.read"])
            let oldRefresh = try #require(first.refreshToken)
            let second = try await sandbox.oauthClient().refresh(oldRefresh)
            #expect(second.refreshToken != oldRefresh)
            #expect(second.accessToken != first.accessToken)
            let error = try await #require(throws: LexofficeError.self) {
                try await sandbox.oauthClient().refresh(oldRefresh)
            }
            #expect(error.detail.contains("invalid_grant"))
            let third = try await sandbox.oauthClient().refresh(try #require(second.refreshToken))
            let (client, _) = sandbox.apiClient(third)
            _ = try await client.ping()
        }
    }

    @Test("an expired access token gets 401; OAuth2TokenProvider refreshes and the call succeeds")
    func expiredAccessToken() async throws {
        let configuration = SandboxConfiguration(
            rateLimit: nil,
            oauthAutoApprove: true,
            oauthAccessTokenLifetime: .seconds(60)
        )
        try await OAuthHarness.withSandbox(configuration) { sandbox in
            let token = try await sandbox.connect(scopes: ["profile.read"])
            let clock = try await SandboxHarness.send(
                "POST",
                sandbox.root + "/_sandbox/clock",
                apiKey: nil,
                body: #"{"advanceSeconds": 120}"#
            )
            #expect(clock.status == 200)
            let expired = try await SandboxHarness.send(
                "GET",
                sandbox.server.baseURL + "/profile",
                apiKey: token.accessToken.revealed
            )
            #expect(expired.status == 401)
            #expect(expired.json == .object(["message": .string("Unauthorized")]))

            let refreshes = Mutex(0)
            let (client, provider) = sandbox.apiClient(token) { _ in refreshes.withLock { $0 += 1 } }
            #expect(try await client.profile().organizationId == sandbox.server.defaultOrganizationID)
            #expect(refreshes.withLock { $0 } == 1)
            #expect(provider.currentToken.accessToken != token.accessToken)
        }
    }

    @Test("a token with only contacts.read may list contacts but not create them (403, regular body)")
    func scopes() async throws {
        try await OAuthHarness.withSandbox { sandbox in
            let token = try await sandbox.connect(scopes: ["contacts.read"])
            let (client, _) = sandbox.apiClient(token)
            _ = try await client.contacts.page(page: PageRequest())
            _ = try await client.countries()  // reference data needs no scope
            let contact = Contact(
                version: 0,
                roles: ContactRoles(customer: CustomerRole()),
                company: Company(name: "Radhaus Nord GmbH")
            )
            let error = try await #require(throws: LexofficeError.self) { try await client.contacts.create(contact) }
            #expect(error.code == .forbidden)
            let raw = try await SandboxHarness.send(
                "POST",
                sandbox.server.baseURL + "/contacts",
                apiKey: token.accessToken.revealed,
                body: #"{"version":0,"roles":{"customer":{}},"company":{"name":"Radhaus Nord GmbH"}}"#
            )
            #expect(raw.status == 403)
            #expect(raw.json?["status"] == .number(403))
            #expect(raw.json?["path"]?.stringValue == "/v1/contacts")
            let profile = try await SandboxHarness.send(
                "GET",
                sandbox.server.baseURL + "/profile",
                apiKey: token.accessToken.revealed
            )
            #expect(profile.status == 403, "profile needs profile.read")
            let apiKey = SandboxHarness.client(for: sandbox.server, apiKey: sandbox.server.defaultAPIKey)
            #expect(try await apiKey.contacts.create(contact).id.rawValue.isEmpty == false, "API keys keep full access")
        }
    }

    @Test("invoices, credit notes, payments and the voucher list need their own <resource>.read|write scope")
    func resourceScopes() async throws {
        try await OAuthHarness.withSandbox { sandbox in
            let id = UUID().uuidString.lowercased()
            let reads = [
                "/invoices/\(id)", "/credit-notes/\(id)", "/payments/\(id)",
                "/voucherlist?voucherType=invoice&voucherStatus=open",
            ]
            let vouchersOnly = try await sandbox.connect(scopes: ["vouchers.read", "vouchers.write"])
            let granted = try await sandbox.connect(
                scopes: ["invoices.read", "credit-notes.read", "payments.read", "voucherlist.read"]
            )
            for path in reads {
                let refused = try await SandboxHarness.send(
                    "GET",
                    sandbox.server.baseURL + path,
                    apiKey: vouchersOnly.accessToken.revealed
                )
                #expect(refused.status == 403, "\(path) with vouchers.* only")
                let allowed = try await SandboxHarness.send(
                    "GET",
                    sandbox.server.baseURL + path,
                    apiKey: granted.accessToken.revealed
                )
                #expect(allowed.status != 403, "\(path) with its own scope: \(allowed.status)")
            }
            let write = try await SandboxHarness.send(
                "POST",
                sandbox.server.baseURL + "/invoices",
                apiKey: granted.accessToken.revealed,
                body: "{}"
            )
            #expect(write.status == 403, "creating an invoice needs invoices.write")
        }
    }

    /// The one-time token in the consent form.
    private static func formToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="form_token" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}
