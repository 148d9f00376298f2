import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore
import LexofficeKit
import Logging
import NIOCore

/// Turns every error of the hub's routes into an RFC 9457 `application/problem+json` answer: ``HubProblem`` as
/// is, Hummingbird's errors (unknown route, body too large), ``StoreError`` and ``FlowProblem`` by their meaning, a
/// lexoffice error as a 502 saying whether lexoffice failed or could not be reached, anything else as a 500 whose
/// details go only to the log.
package struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    private let problemBaseURL: String

    /// A middleware naming problem types below `publicBaseURL` (e.g. `https://hub.example/problems/not-found`).
    package init(publicBaseURL: String) {
        problemBaseURL = publicBaseURL.hasSuffix("/") ? publicBaseURL + "problems/" : publicBaseURL + "/problems/"
    }

    package func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as HubProblem {
            return response(for: problem, request: request)
        } catch let error as HTTPError {
            return response(for: Self.problem(for: error), request: request)
        } catch let error as StoreError {
            return response(for: Self.problem(for: error, logger: context.logger), request: request)
        } catch let problem as FlowProblem {
            return response(for: Self.problem(for: problem, logger: context.logger), request: request)
        } catch let error as LexofficeError {
            // A route that called lexoffice and did not say what its failure means: lexoffice's fault, not ours.
            let problem = FlowProblem.lexoffice(error, while: "calling lexoffice")
            return response(for: Self.problem(for: problem, logger: context.logger), request: request)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return response(for: .internalError, request: request)
        }
    }

    private static func problem(for error: HTTPError) -> HubProblem {
        switch error.status {
        case .notFound:
            .notFound("There is no such resource.")
        case .contentTooLarge:
            .payloadTooLarge(limit: 1 << 20)
        case .methodNotAllowed:
            HubProblem(
                status: .methodNotAllowed,
                code: "method-not-allowed",
                title: "Method not allowed",
                detail: "This resource does not support the method."
            )
        case .unauthorized:
            .unauthorized
        default:
            HubProblem(
                status: error.status,
                code: "http-\(error.status.code)",
                title: error.status.reasonPhrase,
                detail: error.body ?? error.status.reasonPhrase
            )
        }
    }

    private static func problem(for error: StoreError, logger: Logger) -> HubProblem {
        switch error.code {
        case .unknownTenant, .unknownJob, .notConnected: return .notFound(error.detail)
        case .duplicate, .invalidState, .versionMismatch, .invoiceSent: return .conflict(error.detail)
        default:
            logger.error("storage failed", metadata: ["error": "\(error)"])
            return .internalError
        }
    }

    private static func problem(for problem: FlowProblem, logger: Logger) -> HubProblem {
        switch problem.code {
        case .unknownTenant: return .notFound(problem.detail)
        // The tenant exists; its state (no connection) does not allow what was asked.
        case .notConnected, .connectionUnusable, .organizationTaken: return .conflict(problem.detail)
        case .apiKeyRejected: return .invalid("#/apiKey", problem.detail)
        case .lexofficeFailed: return .lexoffice(problem.detail)
        case .lexofficeUnreachable: return .lexofficeUnreachable(problem.detail)
        default:
            logger.error("flow failed in a request", metadata: ["error": "\(problem)"])
            return .internalError
        }
    }

    private func response(for problem: HubProblem, request: Request) -> Response {
        let body = ProblemBody(
            type: problemBaseURL + problem.code,
            title: problem.title,
            status: Int(problem.status.code),
            detail: problem.detail,
            instance: request.uri.path,
            code: problem.code,
            errors: problem.errors.isEmpty ? nil : problem.errors
        )
        let data = (try? KontorJSON.encoder().encode(body)) ?? Data()
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if problem.status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if !problem.allowedMethods.isEmpty { headers[.allow] = problem.allowedMethods.joined(separator: ", ") }
        return Response(
            status: problem.status,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

/// The members of a problem+json body (RFC 9457 plus `code` and `errors`).
private struct ProblemBody: Encodable {
    let type: String
    let title: String
    let status: Int
    let detail: String
    let instance: String
    let code: String
    let errors: [HubProblem.FieldError]?
}
