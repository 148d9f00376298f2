import Foundation
import Hummingbird
import KontorCore
import KontorStore

/// Signing in and out of the console: user name and password (throttled), one-time sign-in links
/// (`/ui/sign-in/<code>`: the page asks first, so a link preview does not use the link up), and the language switch.
struct ConsoleSignInRoutes {
    let users: ConsoleUserStore
    let sessions: ConsoleSessionStore
    let codes: SignInCodeStore
    let throttle: SignInThrottle
    let renderer: ConsoleRenderer
    let cookies: ConsoleCookie

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("sign-in") { request, context in
            if context.console != nil { throw ConsoleRedirect(location: "/ui/") }
            let token = SecureToken.random()
            return renderer.page(
                "sign-in",
                ["next": request.uri.queryParameters.get("next") ?? ""],
                request: request,
                context: context,
                formToken: token,
                cookies: [cookies.set(ConsoleSessionMiddleware.preSessionCookie, token)]
            )
        }
        group.post("sign-in") { _, context in
            let username = context.form.value("username")?.lowercased() ?? ""
            let password = context.form.rawValue("password") ?? ""
            guard throttle.allows(username: username, address: context.clientAddress) else {
                throw ConsoleFailure(code: "throttled")
            }
            guard let user = try await users.user(named: username), let hash = user.passwordHash else {
                _ = try await ConsolePassword.hash(password)  // as slow as a real check: names stay unguessable
                throttle.recordFailure(username: username, address: context.clientAddress)
                throw ConsoleFailure(code: "bad-credentials")
            }
            guard try await ConsolePassword.verify(password, hash: hash) else {
                throttle.recordFailure(username: username, address: context.clientAddress)
                throw ConsoleFailure(code: "bad-credentials")
            }
            throttle.recordSuccess(username: username, address: context.clientAddress)
            return try await signIn(user, next: context.form.value("next"))
        }
        group.get("sign-in/:code") { request, context in
            let code = try context.parameters.require("code")
            guard try await codes.isValid(code) else { throw ConsoleFailure(code: "invalid-link") }
            let token = SecureToken.random()
            return renderer.page(
                "sign-in",
                ["code": code],
                request: request,
                context: context,
                formToken: token,
                cookies: [cookies.set(ConsoleSessionMiddleware.preSessionCookie, token)]
            )
        }
        group.post("sign-in/:code") { _, context in
            guard let user = try await codes.redeem(try context.parameters.require("code")) else {
                throw ConsoleFailure(code: "invalid-link")
            }
            return try await signIn(user, next: user.passwordHash == nil ? "/ui/account" : nil)
        }
        group.post("sign-out") { request, _ in
            if let cookie = ConsoleCookies.value(named: ConsoleSessionMiddleware.sessionCookie, in: request) {
                try await sessions.end(cookie)
            }
            return ConsoleErrorMiddleware.redirect(
                to: "/ui/sign-in?notice=signedOut",
                cookies: [cookies.clear(ConsoleSessionMiddleware.sessionCookie)]
            )
        }
        group.get("language/:language") { request, context in
            guard let language = ConsoleLanguage(rawValue: try context.parameters.require("language")) else {
                throw ConsoleFailure(code: "not-found")
            }
            return ConsoleErrorMiddleware.redirect(
                to: Self.localPath(request.uri.queryParameters.get("back")) ?? "/ui/",
                cookies: [cookies.lasting(ConsoleLanguage.cookie, language.rawValue)]
            )
        }
    }

    private func signIn(_ user: ConsoleUser, next: String?) async throws -> Response {
        let (cookie, _) = try await sessions.start(for: user)
        return ConsoleErrorMiddleware.redirect(
            to: Self.localPath(next) ?? "/ui/",
            cookies: [
                cookies.set(ConsoleSessionMiddleware.sessionCookie, cookie),
                cookies.clear(ConsoleSessionMiddleware.preSessionCookie),
            ]
        )
    }

    /// `path` if it is a page of the console (no other host: `//evil` or `/ui/../` are refused).
    static func localPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/ui/") || path == "/ui", !path.contains("//"), !path.contains(".."),
            !path.contains("\\")
        else { return nil }
        return path
    }
}
