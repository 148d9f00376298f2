import AsyncHTTPClient
import Foundation
import LexofficeKit
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Synchronization

/// Delivers events to the organization's subscriptions: signed like lexoffice, retried on lexoffice's schedule,
/// subscriptions removed after a 410 or after all attempts failed with 404 or an unreachable host.
///
/// Works only while ``run(httpClient:)`` is active (the server runs it); events published before are queued.
final class WebhookDispatcher: Sendable {
    /// One delivery attempt, for `GET /_sandbox/webhooks`.
    struct Attempt: Codable, Sendable, Equatable {
        var eventType: EventType
        var resourceId: LexofficeID
        var callbackUrl: String
        var attempt: Int
        /// The receiver's status; `nil` when it did not answer.
        var status: Int?
        var time: LexofficeDateTime
    }

    let signer: WebhookSigner
    private let state: SandboxState
    private let schedule: WebhookRetrySchedule
    private let events: AsyncStream<SandboxEvent>
    private let continuation: AsyncStream<SandboxEvent>.Continuation
    private let attempts = Mutex<[Attempt]>([])

    init(state: SandboxState, signer: WebhookSigner, timeScale: Double) {
        self.state = state
        self.signer = signer
        schedule = WebhookRetrySchedule(timeScale: timeScale)
        (events, continuation) = AsyncStream.makeStream(of: SandboxEvent.self)
    }

    /// Queues events for delivery.
    func publish(_ newEvents: [SandboxEvent]) {
        for event in newEvents { continuation.yield(event) }
    }

    /// The delivery attempts so far (the last 10,000 to 12,000 are kept), oldest first.
    var deliveryLog: [Attempt] { attempts.withLock { $0 } }

    /// Delivers queued events until the task is cancelled; each delivery runs concurrently with the others.
    func run(httpClient: HTTPClient) async {
        await withDiscardingTaskGroup { group in
            for await event in events {
                let subscriptions =
                    event.recipients ?? (try? state.read(event.organizationID) { Array($0.subscriptions.values) }) ?? []
                for subscription in subscriptions where subscription.eventType == event.eventType {
                    group.addTask { await self.deliver(event, to: subscription, httpClient: httpClient) }
                }
            }
        }
    }

    private func deliver(_ event: SandboxEvent, to subscription: EventSubscription, httpClient: HTTPClient) async {
        let body = event.callbackBody
        let signature = (try? signer.signature(for: body)) ?? ""
        for attempt in 1...WebhookRetrySchedule.attempts {
            let answer = await post(body, signature: signature, to: subscription.callbackUrl, httpClient: httpClient)
            record(event, subscription, attempt: attempt, status: answer.status)
            switch answer.outcome {
            case .delivered, .giveUp:
                return
            case .unsubscribe:
                unsubscribe(subscription)
                return
            case .retry, .retryThenUnsubscribe:
                guard let wait = schedule.wait(beforeRetry: attempt), (try? await Task.sleep(for: wait)) != nil else {
                    if answer.outcome == .retryThenUnsubscribe { unsubscribe(subscription) }
                    return
                }
            }
        }
    }

    /// POSTs the body with a 5-second timeout, following at most 3 redirects: the final status (if any) and how
    /// lexoffice treats it. A timeout is retried; an unreachable host is retried, then unsubscribed; a redirect
    /// beyond the third (or a redirect loop) is given up without retry, as any 3xx is.
    private func post(
        _ body: [UInt8],
        signature: String,
        to url: String,
        httpClient: HTTPClient
    ) async -> (status: Int?, outcome: WebhookOutcome) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "lexoffice-sandbox-webhooks")
        request.headers.add(name: WebhookSignatureVerifier.signatureHeader, value: signature)
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await httpClient.execute(request, timeout: .seconds(5))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let status = Int(response.status.code)
            return (status, WebhookOutcome(status: status))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return (nil, .retry)
        } catch let error as HTTPClientError where error == .redirectLimitReached || error == .redirectCycleDetected {
            return (nil, .giveUp)
        } catch {
            return (nil, .retryThenUnsubscribe)
        }
    }

    private func record(_ event: SandboxEvent, _ subscription: EventSubscription, attempt: Int, status: Int?) {
        let entry = Attempt(
            eventType: event.eventType,
            resourceId: event.resourceID,
            callbackUrl: subscription.callbackUrl,
            attempt: attempt,
            status: status,
            time: state.clock.timestamp
        )
        attempts.withLock { $0.append(entry, keepingLast: 10_000) }
    }

    private func unsubscribe(_ subscription: EventSubscription) {
        guard let organizationID = subscription.organizationId else { return }
        _ = try? state.write(organizationID) { organization in
            organization.subscriptions[subscription.subscriptionId] = nil
            organization.subscriptionConnections[subscription.subscriptionId] = nil
        }
    }
}
