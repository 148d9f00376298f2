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
    private let recorded = Mutex<[Request]>([])

    private init(port: Int) {
        baseURL = "http://127.0.0.1:\(port)"
    }

    /// Every request received so far, in arrival order.
    package var requests: [Request] { recorded.withLock { $0 } }

    /// How a server answers: a function from request to reply.
    package struct Script: Sendable {
        let reply: @Sendable (Request) async -> Reply

        /// Answers every request with `reply(request)`.
        package static func replying(_ reply: @escaping @Sendable (Request) async -> Reply) -> Script {
            Script(reply: reply)
        }
    }

    /// Starts a server that answers per `script`, runs `body`, then stops the server.
    package static func withServer<Result: Sendable>(
        _ script: Script,
        body: (ScriptedHTTPServer) async throws -> Result
    ) async throws -> Result {
        let handler = script.reply
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: child
                    )
                }
            }
        let server = ScriptedHTTPServer(port: channel.channel.localAddress?.port ?? 0)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound in
                    try await withThrowingDiscardingTaskGroup { connections in
                        for try await connection in inbound {
                            connections.addTask { await server.serve(connection, handler: handler) }
                        }
                    }
                }
            }
            defer { group.cancelAll() }
            return try await body(server)
        }
    }

    private func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>,
        handler: @Sendable (Request) async -> Reply
    ) async {
        try? await connection.executeThenClose { inbound, outbound in
            var pending: Request?
            for try await part in inbound {
                switch part {
                case .head(let head):
                    pending = Request(
                        method: head.method.rawValue,
                        uri: head.uri,
                        headers: head.headers.map { ($0.name, $0.value) },
                        body: [],
                        receivedAt: .now
                    )
                case .body(var buffer):
                    pending?.body += buffer.readBytes(length: buffer.readableBytes) ?? []
                case .end:
                    guard let request = pending else { continue }
                    pending = nil
                    recorded.withLock { $0.append(request) }
                    guard try await write(await handler(request), to: outbound) else { return }
                }
            }
        }
    }

    /// Writes a reply; `false` when the connection is to be dropped.
    private func write(
        _ reply: Reply,
        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    )
        async throws -> Bool
    {
        switch reply {
        case .dropConnection:
            return false
        case .delayed(let duration, let next):
            try await Task.sleep(for: duration)
            return try await write(next, to: outbound)
        case .respond(let status, let headers, let body):
            var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status))
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
            try await outbound.write(.head(head))
            if !body.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
            try await outbound.write(.end(nil))
            return true
        }
    }
}
