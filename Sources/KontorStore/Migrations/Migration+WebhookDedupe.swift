extension Migration {
    /// Version 4: webhook events are deduplicated by their job's dedupe key alone (one statement per event), so
    /// the separate `webhook_events` table of version 2 goes.
    static let webhookDedupeInQueue = Migration(version: 4, name: "webhook dedupe in the queue") { _ in
        ["DROP TABLE webhook_events"]
    }
}
