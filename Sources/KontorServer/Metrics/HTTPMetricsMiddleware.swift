import HTTPTypes
import Hummingbird

/// Counts every request the hub answers by method and status into ``HubMetrics``. Add it before
/// ``ProblemMiddleware`` so that it sees the final status of errors too.
package struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let metrics: HubMetrics

    /// A middleware counting into `metrics`.
    package init(metrics: HubMetrics) {
        self.metrics = metrics
    }

    package func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            metrics.recordHTTPRequest(method: request.method.rawValue, status: Int(response.status.code))
            return response
        } catch let error as any HTTPResponseError {
            metrics.recordHTTPRequest(method: request.method.rawValue, status: Int(error.status.code))
            throw error
        } catch {
            metrics.recordHTTPRequest(method: request.method.rawValue, status: 500)
            throw error
        }
    }
}
