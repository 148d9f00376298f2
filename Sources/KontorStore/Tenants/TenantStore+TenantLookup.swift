import KontorFlows

/// The flows read tenants through the store.
extension TenantStore: TenantLookup {}
