import KontorCore

/// A tenant's activity log as flows write to it, a port the store implements.
package protocol ActivityRecording: Sendable {
    /// Appends an entry (`kind` dotted, e.g. `lexoffice.event`; `message` for people; `details` JSON).
    @discardableResult
    func append(_ tenant: TenantID, kind: String, message: String, details: String?) async throws -> Int64
}
