import Foundation
import HTTPTypes
import KontorCore
import KontorServer
import KontorStore
import NIOHTTP1
import Testing

/// The web console's server side over real HTTP (issue 23): sign-in, form tokens, roles, escaping, languages.
/// The journeys in a real browser are `ConsoleBrowserTests` (CLI test target).
@Suite("Web console", .timeLimit(.minutes(2)))
struct ConsoleTests {
    /// A signed-in console client for a new user of `scope` on `hub`.
    static func signedIn(
        _ hub: HubHarness,
        as username: String = "anna",
        scope: APITokenScope = .partner
    ) async throws -> ConsoleClient {
        let user = try await ConsoleUserStore(database: hub.database)
            .create(username: username, scope: scope, passwordHash: nil)
        let code = try await SignInCodeStore(database: hub.database).create(for: user)
        let client = ConsoleClient(baseURL: hub.baseURL)
        try await client.signIn(link: hub.baseURL + "/ui/sign-in/" + code)
        return client
    }

    @Test("/ leads to the console, which asks to sign in; a sign-in link works once, and its page does not use it")
    func signInLink() async throws {
        try await HubHarness.with { hub in
            let client = ConsoleClient(baseURL: hub.baseURL)
            defer { Task { try? await client.shutdown() } }
            #expect(try await client.get("/").location == "/ui/")
            let start = try await client.get("/ui/")
            #expect(start.status == 303)
            #expect(start.location?.hasPrefix("/ui/sign-in?next=") == true)
            let user = try await ConsoleUserStore(database: hub.database)
                .create(username: "admin", scope: .partner, passwordHash: nil)
            let code = try await SignInCodeStore(database: hub.database).create(for: user)
            #expect(try await client.get("/ui/sign-in/\(code)").status == 200)
            #expect(try await client.get("/ui/sign-in/\(code)").status == 200, "showing the page uses nothing")
            let signedIn = try await client.post("/ui/sign-in/\(code)")
            #expect(signedIn.status == 303)
            #expect(signedIn.location == "/ui/account", "a user without a password is asked to set one")
            let cookie = try #require(signedIn.headers.first(name: "Set-Cookie"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/ui"))
            let list = try await client.get("/ui/")
            #expect(list.status == 200)
            #expect(list.body.contains("Demo") || list.body.contains("Mandanten"))
            let csp = try #require(list.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"))
            #expect(list.headers.first(name: "X-Frame-Options") == "DENY")

            let again = ConsoleClient(baseURL: hub.baseURL)
            defer { Task { try? await again.shutdown() } }
            let unknown = try await client.get("/ui/no/such/page")
            #expect(unknown.status == 404)
            #expect(unknown.headers.first(name: "Content-Type")?.hasPrefix("text/html") == true)
            let reused = try await again.get("/ui/sign-in/\(code)")
            #expect(reused.status == 400)
            #expect(reused.body.contains("ungültig"))
        }
    }

    @Test("a password signs in; wrong passwords are throttled, even before the right one")
    func passwordAndThrottle() async throws {
        try await HubHarness.with { hub in
            let client = try await Self.signedIn(hub)
            defer { Task { try? await client.shutdown() } }
            try await client.get("/ui/account")
            let set = try await client.post(
                "/ui/account/password",
                [("password", "correct horse battery"), ("repeat", "correct horse battery")]
            )
            #expect(set.location == "/ui/account?notice=passwordSaved")

            let other = ConsoleClient(baseURL: hub.baseURL)
            defer { Task { try? await other.shutdown() } }
            try await other.get("/ui/sign-in")
            let good = try await other.post(
                "/ui/sign-in",
                [("username", "Anna"), ("password", "correct horse battery"), ("next", "/ui/tenants/demo")]
            )
            #expect(good.status == 303)
            #expect(good.location == "/ui/tenants/demo")

            let guesser = ConsoleClient(baseURL: hub.baseURL)
            defer { Task { try? await guesser.shutdown() } }
            for _ in 0..<5 {  // SignInThrottle.allowedFailures
                try await guesser.get("/ui/sign-in")
                let wrong = try await guesser.post("/ui/sign-in", [("username", "anna"), ("password", "wrong guess!")])
                #expect(wrong.location?.contains("error=bad-credentials") == true, "\(wrong.location ?? "-")")
            }
            try await guesser.get("/ui/sign-in")
            let throttled = try await guesser.post(
                "/ui/sign-in",
                [("username", "anna"), ("password", "correct horse battery")]
            )
            #expect(throttled.location?.contains("error=throttled") == true, "\(throttled.location ?? "-")")
            #expect(guesser.cookies["kontor_session"] == nil)
        }
    }

    @Test("a form without the session's form token, or from another origin, changes nothing")
    func formTokens() async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme")
            let client = try await Self.signedIn(hub)
            defer { Task { try? await client.shutdown() } }
            try await client.get("/ui/tenants/acme")
            let forged = try await client.post("/ui/tenants/acme/deactivate", formToken: "")
            #expect(forged.status == 303)
            #expect(forged.location?.contains("error=form-expired") == true)
            let foreign = try await client.post(
                "/ui/tenants/acme/deactivate",
                headers: ["Origin": "https://evil.example"]
            )
            #expect(foreign.location?.contains("error=form-expired") == true)
            let stillActive = try await hub.send(.get, "/api/v1/tenants/acme").json()
            #expect(stillActive["active"] as? Bool == true)

            let done = try await client.post("/ui/tenants/acme/deactivate")
            #expect(done.location == "/ui/tenants/acme?notice=deactivated")
            #expect(try await hub.send(.get, "/api/v1/tenants/acme").json()["active"] as? Bool == false)
            #expect(try await client.get("/ui/tenants/acme?notice=deactivated").body.contains("Mandant deaktiviert."))
        }
    }

    @Test("an OAuth2 connect from the console that lexoffice denies ends on the tenant's page, saying so")
    func oauthDenied() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let client = try await Self.signedIn(hub)
            defer { Task { try? await client.shutdown() } }
            try await client.get("/ui/tenants/acme")
            let started = try await client.post("/ui/tenants/acme/connection/oauth")
            let start = try #require(started.location)
            #expect(start.hasPrefix("/oauth/start?ticket=") && start.hasSuffix("&return=console"))
            let consent = try #require(try await client.get(start).location)
            let state = try #require(URLComponents(string: consent)?.queryItems?.first { $0.name == "state" }?.value)
            let denied = try await client.get("/oauth/callback?state=\(state)&error=access_denied")
            #expect(denied.status == 303)
            #expect(denied.location == "/ui/tenants/acme?error=oauth-denied")
            let page = try await client.get("/ui/tenants/acme?error=oauth-denied")
            #expect(page.body.contains("lexoffice hat den Zugriff nicht erlaubt"))
            #expect(
                try await hub.send(.get, "/api/v1/tenants/acme/connection").json()["status"] as? String
                    == "notConnected"
            )
        }
    }

    @Test("a tenant user sees only the own tenant: another's pages are not found, partner actions are refused")
    func tenantUsers() async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme")
            try await hub.createActiveTenant("bravo")
            let client = try await Self.signedIn(hub, as: "buchhaltung@acme", scope: .tenant(TenantID("acme")))
            defer { Task { try? await client.shutdown() } }
            #expect(try await client.get("/ui/").location == "/ui/tenants/acme")
            #expect(try await client.get("/ui/tenants/acme").status == 200)
            #expect(try await client.get("/ui/tenants/bravo").status == 404)
            #expect(try await client.get("/ui/tenants/bravo/invoices").status == 404)
            let deactivate = try await client.post("/ui/tenants/bravo/deactivate")
            #expect(deactivate.location?.contains("error=not-found") == true)
            #expect(try await hub.send(.get, "/api/v1/tenants/bravo").json()["active"] as? Bool == true)
            let create = try await client.post("/ui/tenants", [("id", "charlie"), ("name", "Charlie")])
            #expect(create.location?.contains("error=forbidden") == true)
            #expect(try await hub.send(.get, "/api/v1/tenants/charlie").status == 404)
        }
    }

    @Test("what users type is shown as text: a tenant named <script> does not run")
    func escaping() async throws {
        try await HubHarness.with { hub in
            let client = try await Self.signedIn(hub)
            defer { Task { try? await client.shutdown() } }
            let created = try await client.post(
                "/ui/tenants",
                [("id", "xss"), ("name", "<script>alert('x')</script> & Söhne")]
            )
            #expect(created.location == "/ui/tenants/xss?notice=tenantCreated")
            for path in ["/ui/", "/ui/tenants/xss"] {
                let page = try await client.get(path)
                #expect(!page.body.contains("<script>alert"), "\(path) renders the name as markup")
                #expect(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Söhne"), "\(path)")
            }
            let invalid = try await client.post("/ui/tenants", [("id", "Not Valid!"), ("name", "")])
            #expect(invalid.location == "/ui/?error=validation-failed&fields=id,name")
        }
    }

    @Test("a tenant's time zone: set on the page or by PATCH (IANA ids only), its times shown in it")
    func timeZones() async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme", since: "2026-01-01T00:00:00Z")
            #expect(try await hub.send(.get, "/api/v1/tenants/acme").json()["timeZone"] as? String == "Europe/Berlin")
            let client = try await Self.signedIn(hub)
            defer { Task { try? await client.shutdown() } }
            let berlin = try await client.get("/ui/tenants/acme").body
            #expect(berlin.contains("1.1.2026, 1:00"), "Berlin: UTC+1 \(Self.activation(in: berlin))")
            let saved = try await client.post(
                "/ui/tenants/acme/settings",
                [("transferVariant", "invoice"), ("finalizeInvoices", "true"), ("timeZone", "America/New_York")]
            )
            #expect(saved.location == "/ui/tenants/acme?notice=settingsSaved", "\(saved.location ?? "-")")
            #expect(
                try await hub.send(.get, "/api/v1/tenants/acme").json()["timeZone"] as? String == "America/New_York"
            )
            let newYork = try await client.get("/ui/tenants/acme").body
            #expect(newYork.contains("31.12.2025, 19:00"), "New York: UTC-5 \(Self.activation(in: newYork))")
            let refused = try await client.post(
                "/ui/tenants/acme/settings",
                [("transferVariant", "invoice"), ("timeZone", "Mars/Olympus_Mons")]
            )
            #expect(refused.location?.contains("error=validation-failed&fields=timeZone") == true)
            let patch = try await hub.send(.patch, "/api/v1/tenants/acme", json: #"{"timeZone":"Mars/Olympus_Mons"}"#)
            #expect(patch.status == 422)
            #expect(patch.body.contains("#/timeZone"))
            let reset = try await hub.send(.patch, "/api/v1/tenants/acme", json: #"{"timeZone":null}"#)
            #expect(try reset.json()["timeZone"] as? String == "Europe/Berlin")
        }
    }

    /// The activation line of a tenant page (for failure messages).
    private static func activation(in page: String) -> String {
        page.components(separatedBy: "\n").first { $0.contains("aktiv</span> seit") } ?? "(no activation line)"
    }

    @Test("German by default, English by Accept-Language or by the switch")
    func languages() async throws {
        try await HubHarness.with { hub in
            let client = ConsoleClient(baseURL: hub.baseURL)
            defer { Task { try? await client.shutdown() } }
            #expect(try await client.get("/ui/sign-in").body.contains("<html lang=\"de\">"))
            client.acceptLanguage = "en-GB,en;q=0.8,de;q=0.5"
            let english = try await client.get("/ui/sign-in")
            #expect(english.body.contains("<html lang=\"en\">") && english.body.contains("Sign in"))
            let switched = try await client.get("/ui/language/de?back=%2Fui%2Fsign-in")
            #expect(switched.location == "/ui/sign-in")
            #expect(try await client.get("/ui/sign-in").body.contains("Anmelden"))
            let outside = try await client.get("/ui/language/en?back=%2F%2Fevil.example")
            #expect(outside.location == "/ui/", "the switch never leads off the console")
        }
    }
}

/// The customer sync's section of the console.
@Suite("Web console: customers", .timeLimit(.minutes(2)))
struct ConsoleCustomerTests {
    @Test("the sync's settings are saved from the page; customers are listed by state with their number")
    func customerSection() async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme")
            let client = try await ConsoleTests.signedIn(hub)
            defer { Task { try? await client.shutdown() } }
            let customer = #"{"company":{"name":"Radhaus Nord GmbH"},"customerNumber":"K-77"}"#
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/customers/k-77", json: customer).status == 202)
            let page = try await client.get("/ui/tenants/acme/customers")
            #expect(page.status == 200)
            #expect(page.body.contains("Radhaus Nord GmbH") && page.body.contains("k-77"))
            let saved = try await client.post(
                "/ui/tenants/acme/customer-sync",
                [
                    ("version", "2"), ("active", "true"), ("direction", "toLexoffice"),
                    ("conflictPolicy", "sourceWins"), ("matching", "email"),
                ]
            )
            #expect(saved.location == "/ui/tenants/acme/customers?notice=customerSyncSaved", "\(saved.location ?? "-")")
            let tenant = try await hub.send(.get, "/api/v1/tenants/acme").json()
            let sync = try #require(tenant["customerSync"] as? [String: Any])
            #expect(sync["active"] as? Bool == true)
            #expect(sync["direction"] as? String == "toLexoffice")
            #expect(sync["conflictPolicy"] as? String == "sourceWins")
            #expect(sync["matching"] as? [String] == ["email"])
            let invalid = try await client.post(
                "/ui/tenants/acme/customer-sync",
                [("direction", "sideways"), ("conflictPolicy", "sourceWins")]
            )
            #expect(invalid.location?.contains("error=validation-failed&fields=direction") == true)
            #expect(try await client.get("/ui/tenants/acme/customers?state=failed").body.contains("Keine Kunden"))
        }
    }
}
