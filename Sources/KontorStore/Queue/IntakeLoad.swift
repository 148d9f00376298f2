import Synchronization

/// How busy a process's intake is: the requests that must be answered fast (lexoffice's webhook deliveries, the
/// sources' invoice saves) count themselves in while they run. A ``JobWorkerPool`` given this yields to a busy
/// intake: it works fewer tenants at once and admits staged events seldom, so that a burst is answered (durably)
/// at the rate the process can take in, and worked right after it.
///
/// The intake is busy while at least `threshold` of its requests run, and for `linger` after that was last seen,
/// so that background work does not flap between bursts a few milliseconds apart. Only requests whose token or
/// signature was verified count (their routes call ``track(for:_:)`` after the check), and one source counts at most
/// `perSourceLimit` of its requests running at once (half the threshold by default): one tenant alone cannot make
/// every other tenant's background work yield.
package final class IntakeLoad: Sendable {
    /// The requests running per source, and how many of them count (the sum over sources of at most the limit).
    private struct Running {
        var perSource: [String: Int] = [:]
        var counted = 0
    }

    private let running = Mutex(Running())
    /// Milliseconds since `origin` until which the intake counts as busy.
    private let busyUntil = Atomic<Int>(0)
    private let origin = ContinuousClock.now
    private let threshold: Int
    private let perSourceLimit: Int
    private let lingerMilliseconds: Int

    /// A load counter.
    /// - Parameters:
    ///   - threshold: the requests running at once from which the intake is busy (at least 1).
    ///   - perSourceLimit: the most requests of one source that count at once (at least 1; default: half the
    ///     threshold).
    ///   - linger: how long it stays busy after that.
    package init(threshold: Int = 16, perSourceLimit: Int? = nil, linger: Duration = .milliseconds(250)) {
        self.threshold = max(1, threshold)
        self.perSourceLimit = max(1, perSourceLimit ?? threshold / 2)
        self.lingerMilliseconds = max(0, Int(linger / .milliseconds(1)))
    }

    /// Runs one verified intake request of `source` (e.g. `tenant:acme`, `lexoffice:<organization id>`), counted in
    /// while it runs unless `source` already has ``perSourceLimit`` requests counted.
    package func track<Result>(for source: String, _ body: () async throws -> Result) async rethrows -> Result {
        let busyNow = running.withLock { running in
            let before = running.perSource[source, default: 0]
            running.perSource[source] = before + 1
            if before < perSourceLimit { running.counted += 1 }
            return running.counted >= threshold
        }
        if busyNow { lingerFromNow() }
        defer {
            let wasBusy = running.withLock { running in
                let wasBusy = running.counted >= threshold
                let before = running.perSource[source, default: 1]
                running.perSource[source] = before > 1 ? before - 1 : nil
                if before <= perSourceLimit { running.counted -= 1 }
                return wasBusy
            }
            // The linger runs from the moment a busy intake was last seen busy.
            if wasBusy { lingerFromNow() }
        }
        return try await body()
    }

    /// The intake requests running now that count (at most ``perSourceLimit`` of each source).
    package var requestsInFlight: Int { running.withLock { $0.counted } }

    /// Whether background work should yield now.
    package var isBusy: Bool {
        requestsInFlight >= threshold || elapsedMilliseconds < busyUntil.load(ordering: .relaxed)
    }

    private func lingerFromNow() {
        busyUntil.store(elapsedMilliseconds + lingerMilliseconds, ordering: .relaxed)
    }

    private var elapsedMilliseconds: Int { Int(origin.duration(to: .now) / .milliseconds(1)) }
}
