import Foundation
import Hummingbird
import LexofficeKit
import NIOFoundationCompat

/// `/_sandbox/faults`: add (`POST`), list (`GET`) and clear (`DELETE`) injected faults.
struct FaultRoutes {
    let faults: FaultInjector

    func register<Context: RequestContext>(on collection: RouteCollection<Context>) {
        collection.on("_sandbox/faults", method: .post) { request, _ in
            let buffer = try await request.body.collect(upTo: 64 * 1024)
            guard let rule = try? JSONDecoder().decode(FaultRule.self, from: Data(buffer: buffer)), rule.isValid else {
                return try SandboxResponses.json(
                    [
                        "message":
                            "expected {path, action, method?, status?, latencyMilliseconds?, delayMilliseconds?, "
                            + "remaining?, probability? (0…1)}"
                    ],
                    status: .badRequest
                )
            }
            return try SandboxResponses.json(faults.add(rule), status: .created)
        }
        collection.on("_sandbox/faults", method: .get) { _, _ in try SandboxResponses.json(faults.active) }
        collection.on("_sandbox/faults", method: .delete) { _, _ in
            faults.clear()
            return SandboxResponses.noContent
        }
    }
}
