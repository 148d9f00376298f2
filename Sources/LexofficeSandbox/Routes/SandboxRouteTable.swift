import HTTPTypes
import Hummingbird

/// Collects the simulated endpoints and completes them like lexoffice's gateway: a known path with an
/// unsupported method answers 405, an unknown path 403.
/// Used only while the routes are built; the handlers it registers capture only Sendable values.
final class SandboxRouteTable<Context: RequestContext> {
    typealias Handler = @Sendable (APICall, Context) async throws -> Response

    let api: SandboxAPI
    private let collection = RouteCollection(context: Context.self)
    private var registered: [String: (methods: Set<HTTPRequest.Method>, shape: SandboxProblem.Shape)] = [:]

    init(api: SandboxAPI) {
        self.api = api
    }

    /// Adds an authenticated, rate-limited endpoint whose errors use `shape`.
    func add(_ method: HTTPRequest.Method, _ path: String, shape: SandboxProblem.Shape, _ handler: @escaping Handler) {
        let api = self.api
        collection.on(RouterPath(path), method: method) { request, context in
            await api.call(request, shape: shape) { call in try await handler(call, context) }
        }
        registered[path, default: ([], shape)].methods.insert(method)
    }

    /// The finished routes: registered ones, 405 for the other methods on their paths, 403 for the rest of `v1`.
    func routes() -> RouteCollection<Context> {
        let api = self.api
        let table = registered
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .head]
        for (path, entry) in table {
            for method in methods where !entry.methods.contains(method) {
                collection.on(RouterPath(path), method: method) { request, _ in
                    await api.methodNotAllowed(request, shape: entry.shape)
                }
            }
        }
        for method in methods {
            collection.on("v1/**", method: method) { request, _ in api.unknownRoute(request) }
        }
        return collection
    }
}
