import Foundation
import KontorCore

/// The queued request to sync one stored source customer into lexoffice (job kind ``jobKind``). The job carries
/// only the source id: the worker reads the customer as stored when it runs.
package struct CustomerSyncJob: Sendable, Codable, Equatable {
    /// The job kind.
    package static let jobKind = "customer.sync"
    /// The source id of the customer.
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

    /// The job for `tenant`; `trigger` names why it is queued (`save-v3`, `retry-…`, `activation-…`) and keeps
    /// jobs of the same trigger from being queued twice.
    package func newJob(for tenant: TenantID, trigger: String) -> NewJob {
        var payload = CanonicalJSONWriter(reservingCapacity: 32 + sourceId.utf8.count)
        payload.object { $0.member("sourceId", sourceId) }
        return NewJob(
            tenantID: tenant,
            kind: Self.jobKind,
            payload: payload.text,
            dedupeKey: "customer:\(tenant.rawValue):\(sourceId):\(trigger)"
        )
    }
}
