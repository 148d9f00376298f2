import Foundation
import KontorCore

/// The queued request to archive one lexoffice document (job kind ``jobKind``): its id and type. The job reads the
/// document from lexoffice when it runs, so it always archives the latest state.
package struct ArchiveRequest: Sendable, Hashable, Codable {
    /// The job kind.
    package static let jobKind = "archive.document"

    /// The document's lexoffice id.
    package var lexofficeId: String
    /// The document type.
    package var type: ArchiveDocumentType
    /// `true` for a document asked for explicitly (in a backfill's range, or retried by hand), so the archive's
    /// `activeSince` does not apply; `nil` for one reported by lexoffice.
    package var isBackfill: Bool?

    /// A request; `isBackfill` for a document asked for explicitly.
    package init(lexofficeID: String, type: ArchiveDocumentType, isBackfill: Bool = false) {
        self.lexofficeId = lexofficeID
        self.type = type
        self.isBackfill = isBackfill ? true : nil
    }

    /// The request in a job's payload, or `nil` when the payload is not one.
    package init?(payload: String) {
        guard let request = try? KontorJSON.decoder().decode(Self.self, from: Data(payload.utf8)) else { return nil }
        self = request
    }

    /// The job for `tenant`; `trigger` names why it is queued (an event, a backfill, a retry) and keeps jobs of the
    /// same trigger from being queued twice.
    package func newJob(for tenant: TenantID, trigger: String) throws -> NewJob {
        NewJob(
            tenantID: tenant,
            kind: Self.jobKind,
            payload: try KontorJSON.text(of: self),
            dedupeKey: "archive:\(tenant.rawValue):\(lexofficeId):\(trigger)"
        )
    }
}
