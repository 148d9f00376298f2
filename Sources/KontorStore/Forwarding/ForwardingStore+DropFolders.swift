import KontorCore
import KontorFlows
import SQLKit

extension ForwardingStore: TenantDropFolders {
    package func dropFolders() async throws -> [TenantID: String] {
        try await queue.database.read { db in
            let rows = try await db.raw(
                "SELECT tenant_id, drop_folder FROM forwarding_settings WHERE drop_folder IS NOT NULL"
            ).all()
            var folders: [TenantID: String] = [:]
            for row in rows {
                folders[TenantID(try row.decode(column: "tenant_id", as: String.self))] = try row.decode(
                    column: "drop_folder",
                    as: String.self
                )
            }
            return folders
        }
    }
}
