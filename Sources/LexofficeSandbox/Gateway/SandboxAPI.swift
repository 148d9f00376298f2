import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit

/// The gateway in front of every simulated endpoint: authentication, rate limit, journal and error rendering.
struct SandboxAPI: Sendable {
    let state: SandboxState
    let configuration: SandboxConfiguration
    /// Background work lexoffice does after answering (OCR).
    let scheduler: SandboxScheduler
    /// Faults injected through `/_sandbox/faults`.
    let faults: FaultInjector
    /// The public base URL (`…/v1`) once the server is bound, for `resourceUri` and `Location`.
    let baseURL: @Sendable () -> String

    /// Authenticates and rate-limits `request`, runs `handler` for its organization, and renders any problem in
    /// the endpoint's error `shape`. A 401 or 429 never reaches `handler`, so nothing is executed.
    ///
    /// The hot path takes the state lock twice (API key with rate-limit token, journal) plus what the handler
    /// reads; faults, the clock and replication delays are checked without a lock while there are none.
    func call(
        _ request: Request,
        shape: SandboxProblem.Shape,
        _ handler: (APICall) async throws -> Response
    ) async -> Response {
        var organizationID: LexofficeID?
        let response: Response
        do {
            let key = try Self.bearerToken(of: request)
            let bearer = try authorize(key, for: request)
            let organization = bearer.organizationID
            organizationID = organization
            guard bearer.isWithinRateLimit else { throw SandboxProblem.tooManyRequests }
            let fault = faults.take(method: request.method.rawValue, path: request.uri.path)
            if let fault { try await FaultInjector.beforeExecution(fault) }
            var call = APICall(
                request: request,
                organizationID: organization,
                api: self,
                connectionID: bearer.connectionID,
                credentialConnectionID: bearer.credentialConnectionID
            )
            call.replicationDelay = fault?.replicationLag
            let answer = try await handler(call)
            response = fault.map { FaultInjector.afterExecution($0, response: answer) } ?? answer
        } catch let problem as SandboxProblem {
            response = SandboxResponses.problem(
                problem,
                shape: shape,
                path: request.uri.path,
                now: state.clock.timestamp
            )
        } catch {
            let problem = SandboxProblem(status: .internalServerError, message: "Internal error")
            response = SandboxResponses.problem(
                problem,
                shape: shape,
                path: request.uri.path,
                now: state.clock.timestamp
            )
        }
        state.record(
            JournalEntry(
                method: request.method.rawValue,
                path: request.uri.path,
                status: response.status.code,
                time: state.clock.timestamp,
                organizationId: organizationID
            )
        )
        return response
    }

    /// The answer to a route that does not exist: the gateway's 403.
    func unknownRoute(_ request: Request) -> Response {
        let token = (try? Self.bearerToken(of: request)) ?? ""
        return SandboxResponses.problem(
            .unknownRoute(token: token),
            shape: .gateway,
            path: request.uri.path,
            now: state.clock.timestamp
        )
    }

    /// The answer to a known path with a method it does not support: 405.
    func methodNotAllowed(_ request: Request, shape: SandboxProblem.Shape) async -> Response {
        await call(request, shape: shape) { _ in
            throw SandboxProblem(status: .methodNotAllowed, message: "Request method '\(request.method)' not supported")
        }
    }

    /// The `resourceUri` of a resource.
    func resourceURI(_ resource: String, _ id: LexofficeID) -> String {
        baseURL() + "/" + resource + "/" + id.rawValue
    }

    private static func bearerToken(of request: Request) throws -> String {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw SandboxProblem.unauthorized
        }
        let token = header.dropFirst("Bearer ".count).trimmingHeaderWhitespace
        guard !token.isEmpty else { throw SandboxProblem.unauthorized }
        return String(token)
    }
}
