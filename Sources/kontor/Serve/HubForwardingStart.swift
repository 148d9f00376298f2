import KontorFlows
import KontorStore
import Logging

/// What `kontor serve` does for forwarding at start: seeds the hub-wide switch from the configuration
/// (`forwarding.active`) when the database holds none, warns when the configuration differs from the stored switch
/// (which holds), and queues again what waited while the switch was off.
enum HubForwardingStart {
    static func run(_ configuration: ForwardingConfiguration, database: any StoreDatabase, logger: Logger) async throws
    {
        let queue = JobQueue(database: database)
        let stored = try await ForwardingSwitchStore(queue: queue).seed(configuration.initiallyActive ?? true)
        if let configured = configuration.initiallyActive, configured != stored.isActive {
            logger.warning(
                "forwarding.active differs from the stored hub-wide switch, which holds (PUT /api/v1/forwarding)",
                metadata: ["forwarding.active": "\(configured)", "forwarding.stored": "\(stored.isActive)"]
            )
        }
        // Every pending document is queued again (its job only notes why it waits where that still holds), so that
        // nothing depends on the jobs of the process that stopped.
        if stored.isActive { try await ForwardingStore(queue: queue).resumePending() }
    }
}
