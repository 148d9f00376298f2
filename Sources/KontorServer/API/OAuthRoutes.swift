import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore
import LexofficeKit

/// The browser part of an OAuth2 connect: `GET /oauth/start?ticket=…` binds a fresh `state` to a session cookie and
/// redirects to lexoffice's consent page; `GET /oauth/callback` accepts the answer only in that same browser
/// session (CSRF), exchanges the code and connects the tenant. A connect started in the web console
/// (`return=console`) ends on the tenant's console page instead of a plain confirmation.
struct OAuthRoutes {
    let configuration: HubServerConfiguration
    let oauthStates: OAuthStateStore
    let connector: LexofficeConnector

    static let sessionCookie = "kontor_oauth"
    /// Marks a connect started in the console, so the answer leads back there.
    static let returnCookie = "kontor_oauth_return"

    func register(on router: Router<HubRequestContext>) {
        router.get("oauth/start") { request, _ in
            guard let oauth = configuration.oauth else {
                throw HubProblem.conflict("this hub has no OAuth2 application configured")
            }
            guard let ticket = request.uri.queryParameters.get("ticket"),
                let started = try await oauthStates.start(ticket: ticket)
            else {
                throw HubProblem(
                    status: .notFound,
                    code: "invalid-ticket",
                    title: "Invalid or expired link",
                    detail: "This connect link is unknown, was used already or expired; start the connect again."
                )
            }
            let url = OAuth2Client(configuration: oauth).authorizationURL(
                scopes: configuration.oauthScopes,
                state: started.state
            )
            let secure = configuration.publicBaseURL.lowercased().hasPrefix("https://") ? "; Secure" : ""
            var headers: HTTPFields = [
                .location: url,
                .setCookie:
                    "\(Self.sessionCookie)=\(started.session); Path=/oauth; Max-Age=600; HttpOnly; SameSite=Lax\(secure)",
                .cacheControl: "no-store",
            ]
            let fromConsole = request.uri.queryParameters.get("return") == "console"
            headers.append(
                HTTPField(
                    name: .setCookie,
                    value:
                        "\(Self.returnCookie)=\(fromConsole ? "console" : "")\(fromConsole ? "; Max-Age=600" : "; Max-Age=0"); "
                        + "Path=/oauth; HttpOnly; SameSite=Lax\(secure)"
                )
            )
            return Response(status: .found, headers: headers)
        }
        router.get("oauth/callback") { request, _ in
            guard configuration.oauth != nil else {
                throw HubProblem.conflict("this hub has no OAuth2 application configured")
            }
            let query = request.uri.queryParameters
            guard let state = query.get("state"),
                let tenant = try await oauthStates.finish(state: state, session: Self.session(from: request))
            else {
                // Refused like a failed CSRF check: the answer may be a forged one.
                throw HubProblem(
                    status: .forbidden,
                    code: "invalid-state",
                    title: "Invalid OAuth2 answer",
                    detail: "The answer does not belong to a connect started in this browser, or it expired."
                )
            }
            let toConsole = Self.cookie(Self.returnCookie, in: request) == "console"
            if query.get("error") != nil, toConsole {
                return Self.backToConsole(tenant, query: "error=oauth-denied")
            }
            if let error = query.get("error") {
                throw HubProblem(
                    status: .badRequest,
                    code: "authorization-denied",
                    title: "Not connected",
                    detail: "lexoffice did not grant access (\(error)); tenant '\(tenant)' stays unconnected."
                )
            }
            let connection: LexofficeConnection
            do {
                connection = try await connect(tenant, code: query.get("code"))
            } catch let problem as HubProblem where toConsole {
                return Self.backToConsole(tenant, query: "error=\(problem.code)")
            } catch let problem as FlowProblem where toConsole {
                return Self.backToConsole(tenant, query: "error=\(problem.code)")
            }
            if toConsole { return Self.backToConsole(tenant, query: "notice=connected") }
            let company = Self.escape(connection.companyName ?? "lexoffice")
            let page =
                "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Connected</title>"
                + "<p>Tenant <b>\(Self.escape(tenant.rawValue))</b> is connected to \(company). You can close this window.</p></html>"
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8",
                    .setCookie: "\(Self.sessionCookie)=; Path=/oauth; Max-Age=0; HttpOnly; SameSite=Lax",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: page))
            )
        }
    }

    /// Exchanges the authorization `code` and connects `tenant` with the token.
    private func connect(_ tenant: TenantID, code: String?) async throws -> LexofficeConnection {
        guard let code, let oauth = configuration.oauth else {
            throw HubProblem.malformedJSON("The answer carries no authorization code.")
        }
        let token: OAuth2Token
        do {
            token = try await OAuth2Client(configuration: oauth).exchange(code: code)
        } catch let error as LexofficeError {
            throw FlowProblem.lexoffice(error, while: "exchanging the authorization code")
        }
        return try await connector.connect(tenant, token: token)
    }

    private static func session(from request: Request) -> String? {
        cookie(sessionCookie, in: request)
    }

    private static func cookie(_ name: String, in request: Request) -> String? {
        ConsoleCookies.value(named: name, in: request)
    }

    /// A 303 to the tenant's console page, the connect's cookies removed.
    private static func backToConsole(_ tenant: TenantID, query: String) -> Response {
        var headers: HTTPFields = [.location: "/ui/tenants/\(tenant)?\(query)", .cacheControl: "no-store"]
        for name in [sessionCookie, returnCookie] {
            headers.append(
                HTTPField(name: .setCookie, value: "\(name)=; Path=/oauth; Max-Age=0; HttpOnly; SameSite=Lax")
            )
        }
        return Response(status: .seeOther, headers: headers)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
