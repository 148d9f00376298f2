import KontorFlows

/// The outbox queues the flows' callbacks.
extension CallbackOutbox: CallbackQueueing {}
