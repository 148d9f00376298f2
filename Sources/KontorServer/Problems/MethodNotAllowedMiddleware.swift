import HTTPTypes
import Hummingbird
import Synchronization

/// Answers a request whose path is a known resource but whose method it does not support with 405 and `Allow`
/// (RFC 9110 §15.5.6) instead of the router's 404. The routes are handed over once the router has them all.
package final class MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware, Sendable {
    /// One registered route: its method and its path's segments (`{name}` matches any one segment, `**` the rest).
    private struct Route {
        let method: String
        let segments: [Substring]
    }

    private let routes = Mutex<[Route]>([])

    /// A middleware that knows no routes yet (see ``learn(_:)``).
    package init() {}

    /// Takes the router's routes (call after every route is registered).
    package func learn(_ routes: [Router<Context>.RouteDescription]) {
        let known = routes.map { Route(method: $0.method.rawValue, segments: Self.segments($0.path.description)) }
        self.routes.withLock { $0 = known }
    }

    package func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = allowedMethods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            var problem = HubProblem(
                status: .methodNotAllowed,
                code: "method-not-allowed",
                title: "Method not allowed",
                detail: "\(request.method.rawValue) is not supported here; the resource supports "
                    + allowed.joined(separator: ", ") + "."
            )
            problem.allowedMethods = allowed
            throw problem
        }
    }

    /// The methods registered for `path`, sorted.
    private func allowedMethods(for path: String) -> [String] {
        let requested = Self.segments(path)
        let methods = routes.withLock { routes in
            routes.filter { Self.matches($0.segments, requested) }.map(\.method)
        }
        return Set(methods).sorted()
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func matches(_ template: [Substring], _ path: [Substring]) -> Bool {
        if template.last == "**" {
            return path.count >= template.count - 1 && matches(template.dropLast(), path.prefix(template.count - 1))
        }
        guard template.count == path.count else { return false }
        return zip(template, path).allSatisfy { pattern, segment in
            (pattern.hasPrefix("{") && pattern.hasSuffix("}")) || pattern.hasPrefix(":") || pattern == "*"
                || pattern == segment
        }
    }

    private static func matches(_ template: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        matches(Array(template), Array(path))
    }
}
