import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore
import LexofficeKit

/// The browser part of an OAuth2 connect: `GET /oauth/start?ticket=…` binds a fresh `state` to a session cookie and
/// redirects to lexoffice's consent page; `GET /oauth/callback` accepts the answer only in that same browser
/// session (CSRF), exchanges the code and connects the tenant.
struct OAuthRoutes {
    let configuration: HubServerConfiguration
    let oauthStates: OAuthStateStore
    let connector: LexofficeConnector

    static let sessionCookie = "kontor_oauth"

    func register(on router: Router<HubRequestContext>) {
        router.get("oauth/start") { request, _ in
            guard let oauth = configuration.oauth else {
                throw HubProblem.conflict("this hub has no OAuth2 application configured")
            }
            guard let ticket = request.uri.queryParameters.get("ticket"),
                let started = try await oauthStates.start(ticket: ticket)
            else {
                throw HubProblem(
                    status: .badRequest,
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
            return Response(
                status: .found,
                headers: [
                    .location: url,
                    .setCookie:
                        "\(Self.sessionCookie)=\(started.session); Path=/oauth; Max-Age=600; HttpOnly; SameSite=Lax\(secure)",
                    .cacheControl: "no-store",
                ]
            )
        }
        router.get("oauth/callback") { request, _ in
            guard configuration.oauth != nil else {
                throw HubProblem.conflict("this hub has no OAuth2 application configured")
            }
            let query = request.uri.queryParameters
            guard let state = query.get("state"),
                let tenant = try await oauthStates.finish(state: state, session: Self.session(from: request))
            else {
                throw HubProblem(
                    status: .badRequest,
                    code: "invalid-state",
                    title: "Invalid OAuth2 answer",
                    detail: "The answer does not belong to a connect started in this browser, or it expired."
                )
            }
            if let error = query.get("error") {
                throw HubProblem(
                    status: .badRequest,
                    code: "authorization-denied",
                    title: "Not connected",
                    detail: "lexoffice did not grant access (\(error)); tenant '\(tenant)' stays unconnected."
                )
            }
            guard let code = query.get("code"), let oauth = configuration.oauth else {
                throw HubProblem.malformedJSON("The answer carries no authorization code.")
            }
            let token: OAuth2Token
            do {
                token = try await OAuth2Client(configuration: oauth).exchange(code: code)
            } catch let error as LexofficeError {
                throw HubProblem.lexoffice("exchanging the authorization code failed: \(error.code)")
            }
            let connection = try await connector.connect(tenant, token: token)
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

    private static func session(from request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == sessionCookie { return String(parts[1]) }
            }
        }
        return nil
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
