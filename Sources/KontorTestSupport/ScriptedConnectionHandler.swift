import NIOCore
import NIOHTTP1

/// Serves one connection of a ``ScriptedHTTPServer``: collects each request, asks the script for the reply and
/// writes it (NIO's pipelining handler holds the next request back until the reply has ended).
final class ScriptedConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let recorded: RecordedRequests
    private let reply: @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply
    private var pending: ScriptedHTTPServer.Request?
    private var replying: Task<Void, Never>?

    init(
        recorded: RecordedRequests,
        reply: @escaping @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply
    ) {
        self.recorded = recorded
        self.reply = reply
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            pending = ScriptedHTTPServer.Request(
                method: head.method.rawValue,
                uri: head.uri,
                headers: head.headers.map { ($0.name, $0.value) },
                body: [],
                receivedAt: .now
            )
        case .body(var buffer):
            pending?.body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let request = pending else { return }
            pending = nil
            recorded.append(request)
            replying = Self.answer(request, with: reply, on: context.channel)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        replying?.cancel()
        context.fireChannelInactive()
    }

    /// Asks `reply` for the answer to `request` and sends it on `channel`.
    private static func answer(
        _ request: ScriptedHTTPServer.Request,
        with reply: @escaping @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply,
        on channel: any Channel
    ) -> Task<Void, Never> {
        Task {
            let answer = await reply(request)
            await send(answer, on: channel)
        }
    }

    /// Writes `reply`, waiting first where it is delayed; closes the connection where it is to be dropped or the wait
    /// was cancelled.
    private static func send(_ reply: ScriptedHTTPServer.Reply, on channel: any Channel) async {
        switch reply {
        case .dropConnection:
            channel.close(promise: nil)
        case .delayed(let duration, let next):
            do {
                try await Task.sleep(for: duration)
            } catch {
                channel.close(promise: nil)
                return
            }
            await send(next, on: channel)
        case .respond(let status, let headers, let body):
            var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status))
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
            channel.write(HTTPServerResponsePart.head(head), promise: nil)
            if !body.isEmpty {
                channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
            }
            channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
        }
    }
}
