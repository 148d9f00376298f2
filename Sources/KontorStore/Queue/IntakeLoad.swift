import Synchronization

/// How busy a process's intake is: the requests that must be answered fast (lexoffice's webhook deliveries, the
/// sources' invoice saves) count themselves in while they run. A ``JobWorkerPool`` given this yields to a busy
/// intake: it works fewer tenants at once and admits staged events seldom, so that a burst is answered (durably)
/// at the rate the process can take in, and worked right after it.
///
/// The intake is busy while at least `threshold` of its requests run, and for `linger` after that was last seen,
/// so that background work does not flap between bursts a few milliseconds apart.
package final class IntakeLoad: Sendable {
    private let inFlight = Atomic<Int>(0)
    /// Milliseconds since `origin` until which the intake counts as busy.
    private let busyUntil = Atomic<Int>(0)
    private let origin = ContinuousClock.now
    private let threshold: Int
    private let lingerMilliseconds: Int

    /// A load counter.
    /// - Parameters:
    ///   - threshold: the requests running at once from which the intake is busy (at least 1).
    ///   - linger: how long it stays busy after that.
    package init(threshold: Int = 16, linger: Duration = .milliseconds(250)) {
        self.threshold = max(1, threshold)
        self.lingerMilliseconds = max(0, Int(linger / .milliseconds(1)))
    }

    /// Runs one intake request, counted in while it runs.
    package func track<Result>(_ body: () async throws -> Result) async rethrows -> Result {
        if inFlight.add(1, ordering: .relaxed).newValue >= threshold { lingerFromNow() }
        defer {
            // The linger runs from the moment a busy intake was last seen busy.
            if inFlight.subtract(1, ordering: .relaxed).oldValue >= threshold { lingerFromNow() }
        }
        return try await body()
    }

    /// The intake requests running now.
    package var requestsInFlight: Int { inFlight.load(ordering: .relaxed) }

    /// Whether background work should yield now.
    package var isBusy: Bool {
        inFlight.load(ordering: .relaxed) >= threshold || elapsedMilliseconds < busyUntil.load(ordering: .relaxed)
    }

    private func lingerFromNow() {
        busyUntil.store(elapsedMilliseconds + lingerMilliseconds, ordering: .relaxed)
    }

    private var elapsedMilliseconds: Int { Int(origin.duration(to: .now) / .milliseconds(1)) }
}
