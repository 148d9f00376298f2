import Foundation
import LexofficeKit
import Synchronization
import Testing

@testable import LexofficeSandbox

/// Raised events reach the webhook dispatcher the same way on the thousandth write as on the first.
struct EventSinkTests {
    @Test("the call path to the event sink does not grow with the number of writes")
    func constantCallDepth() throws {
        let state = SandboxState(clock: SandboxClock())
        let organization = state.createOrganization(companyName: "Radhaus Nord GmbH", apiKey: "key")
        let depths = Mutex<[Int]>([])
        state.sendEvents { _ in depths.withLock { $0.append(Thread.callStackSymbols.count) } }
        for _ in 0..<500 {
            try state.write(organization) { $0.emit(.contactCreated, .random(), at: state.clock.timestamp) }
        }
        let recorded = depths.withLock { $0 }
        #expect(recorded.count == 500)
        #expect(recorded.first == recorded.last, "stack depth at the first and the last event")
    }
}
