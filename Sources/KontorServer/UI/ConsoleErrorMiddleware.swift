import Foundation
import HTTPTypes
import Hummingbird
import KontorFlows
import KontorStore
import Logging

/// Turns what console handlers throw into pages, never into problem+json: a ``ConsoleRedirect`` into a 303; a
/// failed POST back to the page it came from (`Referer`, this hub's `/ui/` only) with `?error=<code>` (Post/Redirect/
/// Get, so a reload sends nothing twice); a failed GET into an error page with the status. Unknown errors are
/// logged and shown as a generic message.
struct ConsoleErrorMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let renderer: ConsoleRenderer

    func handle(
        _ request: Request,
        context: HubRequestContext,
        next: (Request, HubRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as ConsoleRedirect {
            return Self.redirect(to: redirect.location, cookies: redirect.cookies)
        } catch let error as CancellationError {
            throw error
        } catch {
            var (status, failure) = Self.failure(for: error, logger: context.logger)
            if !renderer.catalogue.hasText("problems." + failure.code) { failure.code = "generic" }
            if request.method == .post {
                var query = "error=\(failure.code)"
                if !failure.fields.isEmpty { query += "&fields=" + failure.fields.joined(separator: ",") }
                return Self.redirect(to: Self.returnPath(of: request) + query)
            }
            let language = ConsoleLanguage.of(request)
            return renderer.page(
                "message",
                [
                    "heading": renderer.catalogue.text("problems.\(failure.code)", in: language),
                    "text": "", "backLink": "/ui/",
                ],
                request: request,
                context: context,
                status: status
            )
        }
    }

    /// A 303 to `location` with the console's security headers.
    static func redirect(to location: String, cookies: [String] = []) -> Response {
        var headers = ConsoleRenderer.securityHeaders(policy: "default-src 'none'")
        headers[.location] = location
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }

    /// The page a form was sent from, without its notice and error, ready for one more query item.
    private static func returnPath(of request: Request) -> String {
        guard let referer = request.headers[.referer], let url = URLComponents(string: referer),
            url.path.hasPrefix("/ui/") || url.path == "/ui"
        else { return "/ui/?" }
        let kept = (url.queryItems ?? []).filter { !["notice", "error", "fields"].contains($0.name) }
        var components = URLComponents()
        components.path = url.path
        components.queryItems = kept.isEmpty ? nil : kept
        return (components.string ?? "/ui/") + (kept.isEmpty ? "?" : "&")
    }

    private static func failure(for error: any Error, logger: Logger) -> (HTTPResponse.Status, ConsoleFailure) {
        switch error {
        case let failure as ConsoleFailure:
            let status: HTTPResponse.Status =
                switch failure.code {
                case "not-found": .notFound
                case "forbidden": .forbidden
                case "throttled": .tooManyRequests
                default: .badRequest
                }
            return (status, failure)
        case let problem as HubProblem:
            let fields = problem.errors.map { $0.pointer.replacingOccurrences(of: "#/", with: "") }
            return (problem.status, ConsoleFailure(code: problem.code, fields: fields))
        case let problem as FlowProblem:
            return (.badRequest, ConsoleFailure(code: problem.code.rawValue))
        case let error as StoreError where error.code == .versionMismatch:
            return (.conflict, ConsoleFailure(code: "version-mismatch"))
        case let error as StoreError where error.code == .duplicate:
            return (.conflict, ConsoleFailure(code: "conflict"))
        case let error as HTTPError where error.status == .notFound:
            return (.notFound, ConsoleFailure(code: "not-found"))
        default:
            logger.error("console request failed", metadata: ["error": "\(error)"])
            return (.internalServerError, ConsoleFailure(code: "generic"))
        }
    }
}
