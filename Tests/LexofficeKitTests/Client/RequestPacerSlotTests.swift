import Synchronization
import Testing

@testable import LexofficeKit

/// The pacer's slot book-keeping, checked directly: the only way to observe the order of reservations exactly.
struct RequestPacerSlotTests {
    /// Reservations in the order they were made.
    private final class SlotLog: Sendable {
        let slots = Mutex<[ContinuousClock.Instant]>([])
    }

    @Test("concurrent callers get distinct slots one interval apart, in the order they ask (FIFO)")
    func slotsUnderContention() async throws {
        let pacer = RequestPacer(requestsPerSecond: 1000)  // 1 ms slots
        let log = SlotLog()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<200 {
                        // Reserve and record under one lock, so the record order is the reservation order.
                        log.slots.withLock { $0.append(pacer.reserveSlot() ?? .now) }
                    }
                }
            }
        }
        let reserved = log.slots.withLock { $0 }
        #expect(reserved.count == 1600)
        let future = reserved.dropFirst()  // the first caller found a free slot ("now")
        let tooClose = zip(future, future.dropFirst()).filter { $1 - $0 < .milliseconds(1) }
        #expect(tooClose.isEmpty, "each caller gets its own slot, one interval after the previous caller's")
    }
}
