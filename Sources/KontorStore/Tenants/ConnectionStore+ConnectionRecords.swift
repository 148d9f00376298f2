import KontorFlows

/// The store keeps the connection flow's records.
extension ConnectionStore: ConnectionRecords {}
