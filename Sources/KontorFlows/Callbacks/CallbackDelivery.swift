import AsyncHTTPClient
import Foundation
import KontorCore
import NIOCore
import NIOHTTP1

/// Sends queued callbacks to the tenant's callback URL: JSON `{id, type, tenant, createdAt, data}`, signed with
/// ``CallbackSignature``, with `Kontor-Event-Id` (stable across retries). 2xx delivers; 408, 429, 5xx and network
/// errors are retried with the queue's backoff (for as long as the queue's retry window for callbacks allows);
/// 401, 403, 404 and 410, which a receiver being redeployed or misconfigured for a while answers too, are retried
/// ``attemptsOnRefusal`` times; other 4xx end the job as dead with the reason. A tenant without a callback URL
/// has nothing to deliver.
package struct CallbackDelivery: JobHandler {
    private let targets: any CallbackTargets
    private let httpClient: HTTPClient
    private let clock: any WallClock

    /// A delivery to the tenants' `targets`, using `httpClient` (default: the shared client).
    package init(
        targets: any CallbackTargets,
        httpClient: HTTPClient = .shared,
        clock: any WallClock = SystemWallClock()
    ) {
        self.targets = targets
        self.httpClient = httpClient
        self.clock = clock
    }

    /// Delivers the callback in `job` (kind ``CallbackEvent/jobKind``).
    package func handle(_ job: Job) async -> JobOutcome {
        guard let event = try? KontorJSON.decoder().decode(CallbackEvent.self, from: Data(job.payload.utf8)) else {
            return .failed(reason: "the queued callback is not readable")
        }
        do {
            guard let target = try await targets.callbackTarget(of: job.tenantID) else { return .completed }
            guard let secret = target.secret else {
                return .failed(reason: "the tenant has no callback secret; create one with POST …/callback-secret")
            }
            let url = target.url
            let body = try Self.body(event)
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Kontor-Event-Id", value: event.id)
            request.headers.add(
                name: CallbackSignature.header,
                value: CallbackSignature.sign(body: body, secret: secret, time: clock.now)
            )
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await httpClient.execute(request, timeout: .seconds(10))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return Self.outcome(status: Int(response.status.code), attempt: job.attempts)
        } catch {
            return .retry(reason: "callback not delivered: \(type(of: error))")
        }
    }

    /// How many attempts a callback gets when its receiver answers 401, 403, 404 or 410.
    package static let attemptsOnRefusal = 5

    private static func outcome(status: Int, attempt: Int) -> JobOutcome {
        switch status {
        case 200..<300:
            return .completed
        case 408, 429, 500..<600:
            return .retry(reason: "the callback receiver answered HTTP \(status)")
        case 401, 403, 404, 410:
            guard attempt < attemptsOnRefusal else {
                return .failed(reason: "the callback receiver answered HTTP \(status) \(attempt) times; not retried")
            }
            return .retry(reason: "the callback receiver answered HTTP \(status); tried again a few times")
        default:
            return .failed(reason: "the callback receiver answered HTTP \(status); not retried")
        }
    }

    /// `data` is embedded as JSON, not as a string.
    private static func body(_ event: CallbackEvent) throws -> Data {
        let data = (try? JSONSerialization.jsonObject(with: Data(event.data.utf8), options: [.fragmentsAllowed])) ?? [:]
        let object: [String: Any] = [
            "id": event.id, "type": event.type, "tenant": event.tenant,
            "createdAt": ISO8601DateFormatter().string(from: event.createdAt), "data": data,
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
