import Foundation
import KontorCore
import KontorFlows
import SQLKit

extension Job {
    /// Reads a job from a `SELECT * FROM jobs` row.
    init(row: any SQLRow) throws {
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = JobState(rawValue: stateText) else {
            throw StoreError(.inconsistent, "unknown job state '\(stateText)' in the database")
        }
        self.init(
            id: JobID(try row.decode(column: "id", as: Int64.self)),
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            kind: try row.decode(column: "kind", as: String.self),
            payload: try row.decode(column: "payload", as: String.self),
            state: state,
            attempts: try row.decode(column: "attempts", as: Int.self),
            maxAttempts: try row.decode(column: "max_attempts", as: Int.self),
            runAt: Date(millisecondsSince1970: try row.decode(column: "run_at", as: Int64.self)),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self)),
            dedupeKey: try row.decode(column: "dedupe_key", as: String?.self),
            lastError: try row.decode(column: "last_error", as: String?.self)
        )
    }
}
