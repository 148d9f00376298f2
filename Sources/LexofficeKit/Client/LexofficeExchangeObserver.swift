/// Watches every HTTP attempt a ``LexofficeClient`` makes, retries included: for metrics such as calls by status
/// and 429s.
///
/// The observer is a task-local value, so the application that owns the metrics sets it once around the work
/// that talks to lexoffice, and every client created below that scope reports to it:
///
/// ```swift
/// try await LexofficeExchangeObserver.$current.withValue(observer) {
///     try await serviceGroup.run()
/// }
/// ```
///
/// Without an observer (the default) nothing is reported. The callback runs on the requesting task after each
/// attempt; it must be quick and must not block.
public struct LexofficeExchangeObserver: Sendable {
    /// One HTTP attempt.
    public struct Attempt: Sendable {
        /// The HTTP method, e.g. `GET`.
        public var method: String
        /// The status lexoffice answered; `nil` when no answer arrived (transport failure, timeout).
        public var status: Int?
        /// How long the attempt took, from sending to the answer's head and body.
        public var duration: Duration

        /// An attempt.
        public init(method: String, status: Int?, duration: Duration) {
            self.method = method
            self.status = status
            self.duration = duration
        }
    }

    /// Called after each attempt.
    public var onAttempt: @Sendable (Attempt) -> Void

    /// An observer calling `onAttempt` after each attempt.
    public init(onAttempt: @escaping @Sendable (Attempt) -> Void) {
        self.onAttempt = onAttempt
    }

    /// The observer of the current task and its child tasks; `nil` by default.
    @TaskLocal public static var current: LexofficeExchangeObserver?
}
