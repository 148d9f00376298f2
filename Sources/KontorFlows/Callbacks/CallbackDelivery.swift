import AsyncHTTPClient
import Foundation
import KontorCore
import NIOCore
import NIOHTTP1

/// Sends queued callbacks to the tenant's callback URL: JSON `{id, type, tenant, createdAt, data}`, signed with
/// ``CallbackSignature``, with `Kontor-Event-Id` (stable across retries). 2xx delivers; 408, 429, 5xx and network
/// errors are retried with the queue's backoff (for as long as the queue's retry window for callbacks allows);
/// 401, 403, 404 and 410, which a receiver being redeployed or misconfigured for a while answers too, are retried
/// ``attemptsOnRefusal`` times; other 4xx and 3xx (redirects are not followed) end the job as dead with the reason.
/// A tenant without a callback URL has nothing to deliver.
///
/// The URL's host is resolved at each delivery and every address it resolves to is checked with the
/// ``CallbackAddressPolicy``; the request then goes to the checked address (never resolved again). A refused
/// address ends the job as dead. The reasons a tenant sees say no more than "not allowed", "refused the
/// connection", "timed out", "could not be reached" or the HTTP status: nothing of the hub's network.
package struct CallbackDelivery: JobHandler {
    private let targets: any CallbackTargets
    private let addressPolicy: CallbackAddressPolicy
    private let clock: any WallClock

    /// A delivery to the tenants' `targets` at addresses `addressPolicy` permits.
    package init(
        targets: any CallbackTargets,
        addressPolicy: CallbackAddressPolicy,
        clock: any WallClock = SystemWallClock()
    ) {
        self.targets = targets
        self.addressPolicy = addressPolicy
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
            let receiver = try await CallbackReceiver.resolve(target.url, policy: addressPolicy)
            let body = try Self.body(event)
            var request = HTTPClientRequest(url: target.url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Kontor-Event-Id", value: event.id)
            request.headers.add(
                name: CallbackSignature.header,
                value: CallbackSignature.sign(body: body, secret: secret, time: clock.now)
            )
            request.body = .bytes(ByteBuffer(bytes: body))
            let status = try await Self.send(request, to: receiver)
            return Self.outcome(status: status, attempt: job.attempts)
        } catch let refusal as CallbackReceiver.Refusal {
            switch refusal.reason {
            case .invalidURL: return .failed(reason: "the callback URL is not an absolute http(s) URL")
            case .addressNotAllowed: return .failed(reason: "the callback receiver's address is not allowed")
            case .unresolvable: return .retry(reason: "the callback receiver could not be reached")
            }
        } catch {
            return .retry(reason: CallbackNetworkError.reason(for: error))
        }
    }

    /// Sends `request` to the receiver's checked address with a client of its own (its only name-to-address mapping
    /// is that one), following no redirect; the response status.
    private static func send(_ request: HTTPClientRequest, to receiver: CallbackReceiver) async throws -> Int {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .seconds(10))
        )
        configuration.dnsOverride = [receiver.host: receiver.address.ipAddress ?? receiver.host]
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            try await client.shutdown()
            return Int(response.status.code)
        } catch {
            try? await client.shutdown()
            throw error
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
