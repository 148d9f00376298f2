import Foundation
import LexofficeKit

/// How far a tenant's archive backfill has come: the voucherlist of its date range is read page by page (250 per
/// request), each page's documents queued and the progress committed together, so a crash resumes at the page it
/// was on and queues no document twice.
package struct ArchiveBackfillProgress: Sendable, Hashable {
    /// The first document date.
    package var from: PlainDate
    /// The last document date.
    package var to: PlainDate
    /// When it started.
    package var startedAt: Date
    /// The next voucherlist page to read.
    package var nextPage: Int
    /// How many pages the list had when last read; `nil` before the first.
    package var totalPages: Int?
    /// How many documents were queued so far.
    package var queued: Int
    /// When it finished; `nil` while running.
    package var finishedAt: Date?

    /// A progress record.
    package init(
        from: PlainDate,
        to: PlainDate,
        startedAt: Date,
        nextPage: Int,
        totalPages: Int?,
        queued: Int,
        finishedAt: Date?
    ) {
        self.from = from
        self.to = to
        self.startedAt = startedAt
        self.nextPage = nextPage
        self.totalPages = totalPages
        self.queued = queued
        self.finishedAt = finishedAt
    }
}
