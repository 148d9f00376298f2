import LexofficeSandbox
import ServiceLifecycle

/// The embedded sandbox's background work (webhook delivery, scheduled events, state saving) as a service of the
/// hub; its routes are mounted into the hub's router under `/sandbox`.
struct MountedSandboxService: Service {
    let sandbox: SandboxServer

    func run() async throws {
        try await sandbox.runMounted()
    }
}
