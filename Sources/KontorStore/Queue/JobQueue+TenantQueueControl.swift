import KontorFlows

/// The queue pauses and resumes a tenant's work for the flows.
extension JobQueue: TenantQueueControl {}
