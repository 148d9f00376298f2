/// How lexoffice treats a receiver's answer (event-subscriptions.md, "Delivery, retries and automatic
/// unsubscription").
enum WebhookOutcome: Equatable, Sendable {
    /// 200, 201, 202, 204: delivered.
    case delivered
    /// 401, 403, 429, 5xx and timeouts: try again per the schedule.
    case retry
    /// 404 or an unreachable host: try again; when every attempt failed, delete the subscription.
    case retryThenUnsubscribe
    /// 410: delete the subscription at once.
    case unsubscribe
    /// 3xx after the followed redirects, other 4xx: give up without retrying.
    case giveUp

    /// The outcome of an HTTP answer.
    init(status: Int) {
        switch status {
        case 200, 201, 202, 204: self = .delivered
        case 401, 403, 429: self = .retry
        case 404: self = .retryThenUnsubscribe
        case 410: self = .unsubscribe
        case 500...: self = .retry
        default: self = .giveUp
        }
    }
}
