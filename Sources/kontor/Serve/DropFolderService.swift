import KontorFlows
import ServiceLifecycle

/// The tenants' drop folders (``DropFolder``) polled as a service of the hub; it stops polling on graceful shutdown.
struct DropFolderService: Service {
    let folder: DropFolder
    let interval: Duration

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await folder.run(every: interval)
            }
        } catch is CancellationError {
            // Shut down while waiting for the next poll.
        }
    }
}
