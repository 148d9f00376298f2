import Foundation
import KontorCore

/// A queued request about one stored source record (an invoice, a customer) named by its source id. The job
/// carries only the id: the worker reads the record as stored when it runs, so a job never works on stale content.
package protocol SourceRecordJob: Sendable, Codable {
    /// The job kind.
    static var jobKind: String { get }
    /// The first part of the jobs' dedupe keys (`<prefix>:<tenant>:<source id>:<trigger>`).
    static var dedupePrefix: String { get }
    /// The source id of the record.
    var sourceId: String { get }
    /// A request for `sourceID`.
    init(sourceID: String)
}

extension SourceRecordJob {
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
            dedupeKey: "\(Self.dedupePrefix):\(tenant.rawValue):\(sourceId):\(trigger)"
        )
    }
}
