import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit
import Logging
import NIOCore
import ServiceLifecycle

/// A local HTTP endpoint for lexoffice's webhook callbacks.
///
/// A `POST` to any path counts only once its `X-Lxo-Signature` verifies: it is answered 200 and the callback is
/// yielded to ``callbacks`` in arrival order; anything else gets 401 and a note on standard error. `HEAD` answers
/// 200, as lexoffice checks a new callback URL that way.
struct WebhookReceiver: Sendable {
    /// Checks the signatures.
    let verifier: WebhookSignatureVerifier
    /// Receives the verified callbacks.
    let callbacks: AsyncStream<WebhookCallback>.Continuation
    /// Where rejected callbacks are reported.
    let console: Console

    /// The HTTP server, a `Service`; `onListening` gets the bound port once it accepts connections.
    func server(
        host: String,
        port: Int,
        logger: Logger,
        onListening: @escaping @Sendable (Int) -> Void
    ) -> some Service {
        let router = Router()
        router.post("/") { request, _ in try await receive(request) }
        router.post("**") { request, _ in try await receive(request) }
        router.head("/") { _, _ in HTTPResponse.Status.ok }
        router.head("**") { _, _ in HTTPResponse.Status.ok }
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    private func receive(_ request: Request) async throws -> HTTPResponse.Status {
        let body = try await request.body.collect(upTo: 1024 * 1024)
        // The header name is a valid token, so the initializer cannot fail.
        let signatureHeader = HTTPField.Name(WebhookSignatureVerifier.signatureHeader)!
        do {
            let callback = try verifier.verifiedCallback(
                body: Data(body.readableBytesView),
                signature: request.headers[signatureHeader]
            )
            callbacks.yield(callback)
            return .ok
        } catch {
            console.note("rejected a callback: \(error)")
            return .unauthorized
        }
    }
}
