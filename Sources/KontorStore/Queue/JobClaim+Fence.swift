import KontorCore
import KontorFlows
import SQLKit

extension JobClaim {
    /// Throws ``FlowProblem`` ``FlowProblem/Code/leaseLost`` unless `tenant`'s lease is still this claim's. Called in
    /// the transaction of a flow's write, so the write commits only under the lease; on PostgreSQL the lease row
    /// stays share-locked until that transaction ends, so that no worker takes the lease over meanwhile (SQLite
    /// runs one write transaction at a time anyway).
    func verify(for tenant: TenantID, in db: any SQLDatabase, kind: DatabaseKind) async throws {
        let lock = kind == .postgres ? " FOR SHARE" : ""
        let held = try await db.raw(
            """
            SELECT 1 AS held FROM tenant_leases WHERE tenant_id = \(bind: tenant.rawValue) \
            AND owner = \(bind: owner) AND epoch = \(bind: epoch)\(unsafeRaw: lock)
            """
        ).first()
        guard held != nil else {
            throw FlowProblem(.leaseLost, "the tenant's lease was taken over; this attempt writes nothing more")
        }
    }
}
