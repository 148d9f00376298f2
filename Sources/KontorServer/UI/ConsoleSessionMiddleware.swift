import Foundation
import Hummingbird
import KontorStore

/// Puts the browser's console session (if any) into the context and, for a POST, reads the form and checks its
/// form token (CSRF): the session's token, or before sign-in the token of the ``preSessionCookie`` (double
/// submit). A form from another origin (`Origin` not this host) or without the right token is refused.
struct ConsoleSessionMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let sessions: ConsoleSessionStore
    /// The hub's public base URL: a form from its origin is ours too (behind a proxy that rewrites `Host`).
    let publicBaseURL: String

    /// The session cookie.
    static let sessionCookie = "kontor_session"
    /// The cookie holding the form token of pages shown before sign-in.
    static let preSessionCookie = "kontor_form"
    /// Forms are small; anything larger is not one of ours.
    static let maxFormSize = 64 * 1024

    func handle(
        _ request: Request,
        context: HubRequestContext,
        next: (Request, HubRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let cookie = ConsoleCookies.value(named: Self.sessionCookie, in: request) {
            context.console = try await sessions.session(cookie)
        }
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: Self.maxFormSize)
        let form = ConsoleForm(body: String(buffer: body))
        let expected = context.console?.formToken ?? ConsoleCookies.value(named: Self.preSessionCookie, in: request)
        guard isSameOrigin(request), let expected, let sent = form.value("_csrf"),
            Self.constantTimeEqual(sent, expected)
        else {
            throw ConsoleFailure(code: "form-expired")
        }
        context.consoleForm = form
        return try await next(request, context)
    }

    /// Whether the request's `Origin` (sent by browsers with every form POST) is this host or the public base
    /// URL's, or absent (older browsers; the form token still guards).
    private func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        if let publicURL = URL(string: publicBaseURL), let url = URL(string: origin),
            Self.authority(of: url) == Self.authority(of: publicURL), url.scheme == publicURL.scheme
        {
            return true
        }
        guard let host = request.head.authority, let url = URL(string: origin) else {
            return false
        }
        return Self.authority(of: url) == host.lowercased()
    }

    private static func authority(of url: URL) -> String? {
        url.host.map { host in (url.port.map { "\(host):\($0)" } ?? host).lowercased() }
    }

    private static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension HubRequestContext {
    /// The signed-in session; otherwise the browser goes to the sign-in page (and comes back to `path` after).
    func requireConsoleSession(returningTo path: String) throws(ConsoleRedirect) -> ConsoleSession {
        guard let console else {
            let next = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2Fui%2F"
            throw ConsoleRedirect(location: "/ui/sign-in?next=\(next)")
        }
        return console
    }

    /// The submitted form of a POST (checked by ``ConsoleSessionMiddleware``).
    var form: ConsoleForm { consoleForm ?? ConsoleForm(body: "") }
}
