import Foundation
import KontorCore

/// The queued request to transfer one stored source invoice (job kind ``jobKind``). The job carries only the
/// source id: the worker reads the invoice as stored when it runs, so a job never transfers stale content.
package struct TransferJob: Sendable, Codable, Equatable {
    /// The job kind.
    package static let jobKind = "invoice.transfer"

    /// The source id of the invoice to transfer.
    package var sourceId: String

    /// A request for `sourceID`.
    package init(sourceID: String) {
        self.sourceId = sourceID
    }

    /// The request in a job's payload, or `nil` when the payload is not one.
    package init?(payload: String) {
        guard let request = try? KontorJSON.decoder().decode(Self.self, from: Data(payload.utf8)) else { return nil }
        self = request
    }

    /// The job for `tenant`; `trigger` names why it is queued (e.g. `save-v2`, `retry-…`, `export-…`) and keeps
    /// jobs of the same trigger from being queued twice.
    package func newJob(for tenant: TenantID, trigger: String) -> NewJob {
        var payload = CanonicalJSONWriter(reservingCapacity: 32 + sourceId.utf8.count)
        payload.object { $0.member("sourceId", sourceId) }
        return NewJob(
            tenantID: tenant,
            kind: Self.jobKind,
            payload: payload.text,
            dedupeKey: "transfer:\(tenant.rawValue):\(sourceId):\(trigger)"
        )
    }
}
