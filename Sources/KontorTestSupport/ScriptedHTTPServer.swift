import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1 whose answers a test scripts: respond, delay, or drop the connection.
///
/// Used to test client transport behaviour (pacing, retries, timeouts, lost connections) against a real socket.
/// Run it with ``withServer(_:body:)``; it stops when `body` returns.
package final class ScriptedHTTPServer: Sendable {
    /// A request as the server received it.
    package struct Request: Sendable {
        /// The HTTP method, e.g. `GET`.
        package var method: String
        /// The request target, path and query, e.g. `/v1/contacts?name=abc`.
        package var uri: String
        /// The request headers in arrival order.
        package var headers: [(name: String, value: String)]
        /// The complete request body.
        package var body: [UInt8]
        /// When the request head arrived.
        package var receivedAt: ContinuousClock.Instant

        /// The path without the query.
        package var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }
        /// The raw (still percent-encoded) query, if any.
        package var query: String? {
            let parts = uri.split(separator: "?", maxSplits: 1)
            return parts.count == 2 ? String(parts[1]) : nil
        }

        /// The first value of header `name` (case-insensitive).
        package func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// What the server does with a request.
    package enum Reply: Sendable {
        /// Answer with a status, headers and body.
        case respond(status: Int, headers: [(String, String)], body: [UInt8])
        /// Close the connection without answering (after reading the whole request).
        case dropConnection
        /// Wait, then reply.
        indirect case delayed(Duration, Reply)

        /// A JSON answer.
        package static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Reply {
            .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(body.utf8))
        }
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    package let baseURL: String
    private let recorded: RecordedRequests

    private init(port: Int, recorded: RecordedRequests) {
        baseURL = "http://127.0.0.1:\(port)"
        self.recorded = recorded
    }

    /// Every request received so far, in arrival order.
    package var requests: [Request] { recorded.all }

    /// How a server answers: a function from request to reply.
    package struct Script: Sendable {
        let reply: @Sendable (Request) async -> Reply

        /// Answers every request with `reply(request)`.
        package static func replying(_ reply: @escaping @Sendable (Request) async -> Reply) -> Script {
            Script(reply: reply)
        }
    }

    /// Starts a server that answers per `script`, runs `body`, then stops the server: it stops listening, closes
    /// every open connection and cancels the replies still being prepared.
    ///
    /// Connections are served by classic channel handlers, not `NIOAsyncChannel`: an async child channel accepted
    /// while its accepting loop is cancelled is dropped before it becomes active, and NIO then traps on its
    /// unfinished writer (apple/swift-nio#2813); that took a whole test process down when a client connected just
    /// as a test ended.
    package static func withServer<Result: Sendable>(
        _ script: Script,
        body: (ScriptedHTTPServer) async throws -> Result
    ) async throws -> Result {
        let recorded = RecordedRequests()
        let connections = OpenConnections()
        let reply = script.reply
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    connections.track(child)
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    try child.pipeline.syncOperations.addHandler(
                        ScriptedConnectionHandler(recorded: recorded, reply: reply)
                    )
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let server = ScriptedHTTPServer(port: listener.localAddress?.port ?? 0, recorded: recorded)
        do {
            let result = try await body(server)
            await stop(listener, connections)
            return result
        } catch {
            await stop(listener, connections)
            throw error
        }
    }

    /// Stops accepting, then closes every connection still open.
    private static func stop(_ listener: any Channel, _ connections: OpenConnections) async {
        try? await listener.close()
        await connections.closeAll()
    }
}

/// The requests a ``ScriptedHTTPServer`` received, shared with its connections.
final class RecordedRequests: Sendable {
    private let requests = Mutex<[ScriptedHTTPServer.Request]>([])

    /// Every request so far, in arrival order.
    var all: [ScriptedHTTPServer.Request] { requests.withLock { $0 } }

    /// Adds a complete request.
    func append(_ request: ScriptedHTTPServer.Request) {
        requests.withLock { $0.append(request) }
    }
}

/// The connections of a ``ScriptedHTTPServer`` that are still open, so that stopping it can close them.
final class OpenConnections: Sendable {
    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

    /// Tracks `channel` until it closes.
    func track(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        channels.withLock { $0[key] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.channels.withLock { _ = $0.removeValue(forKey: key) }
        }
    }

    /// Closes every open connection and waits until each has closed.
    func closeAll() async {
        for channel in channels.withLock({ Array($0.values) }) {
            try? await channel.close()
        }
    }
}
