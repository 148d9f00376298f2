import Foundation
import KontorFlows
import LexofficeKit

/// A tenant's archive as the hub API shows it: settings without secrets, item counts by state and the backfill.
struct ArchiveRepresentation: Encodable {
    /// The backfill's progress.
    struct Backfill: Encodable {
        let from: String
        let to: String
        let state: String
        /// The days being read: the whole range unless more than lexoffice's 10,000 matches made it split.
        let windowFrom: String
        let windowTo: String
        let startedAt: Date
        /// Pages read of the current window.
        let pagesRead: Int
        let totalPages: Int?
        let queued: Int
        let finishedAt: Date?
    }

    let active: Bool
    let activeSince: Date?
    let documentTypes: [String]
    let sinks: [ArchiveSinkSettings]
    let dmsStamped: Bool
    let stampSecretSet: Bool
    let items: [String: Int]
    let backfill: Backfill?

    init(
        settings: ArchiveSettings?,
        hasStampSecret: Bool,
        counts: [ArchiveItemState: Int],
        backfill: ArchiveBackfillProgress?
    ) {
        active = settings?.isActive ?? false
        activeSince = settings?.activeSince
        documentTypes = settings?.documentTypes.map(\.rawValue) ?? []
        sinks = settings?.sinks.map(\.redacted) ?? []
        dmsStamped = settings?.sinks.contains { $0.type == .dms && $0.token != nil } ?? false
        stampSecretSet = hasStampSecret
        var items: [String: Int] = [:]
        for state in ArchiveItemState.allCases { items[state.rawValue] = counts[state] ?? 0 }
        self.items = items
        self.backfill = backfill.map {
            Backfill(
                from: $0.from.description,
                to: $0.to.description,
                state: $0.finishedAt == nil ? "running" : "finished",
                windowFrom: $0.window.from.description,
                windowTo: $0.window.to.description,
                startedAt: $0.startedAt,
                pagesRead: $0.nextPage,
                totalPages: $0.totalPages,
                queued: $0.queued,
                finishedAt: $0.finishedAt
            )
        }
    }
}
