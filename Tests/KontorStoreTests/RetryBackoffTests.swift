import KontorStore
import Testing

@Suite("Retry backoff")
struct RetryBackoffTests {
    @Test("doubles per attempt up to the cap, always within the jitter band")
    func exponentialWithJitter() {
        let backoff = RetryBackoff(base: .seconds(2), cap: .seconds(30), jitter: 0.5)
        for (attempt, full) in [(1, 2.0), (2, 4.0), (3, 8.0), (4, 16.0), (5, 30.0), (50, 30.0)] {
            for _ in 0..<50 {
                let delay = backoff.delay(afterAttempt: attempt)
                let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
                #expect(seconds >= full * 0.5 - 0.001 && seconds <= full + 0.001, "attempt \(attempt): \(seconds) s")
            }
        }
    }

    @Test("without jitter the delay is exact")
    func noJitter() {
        let backoff = RetryBackoff(base: .milliseconds(100), cap: .seconds(1), jitter: 0)
        #expect(backoff.delay(afterAttempt: 3) == .milliseconds(400))
        #expect(backoff.delay(afterAttempt: 10) == .seconds(1))
    }
}
