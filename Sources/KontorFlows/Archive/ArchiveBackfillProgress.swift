import Foundation
import LexofficeKit

/// How far a tenant's archive backfill has come: the voucherlist of its date range is read window by window
/// (``ArchiveBackfillWindow``) and page by page (250 per request), each page's documents queued and the progress
/// committed together, so a crash resumes at the window and page it was on and queues no document twice.
package struct ArchiveBackfillProgress: Sendable, Hashable {
    /// The first document date.
    package var from: PlainDate
    /// The last document date.
    package var to: PlainDate
    /// When it started.
    package var startedAt: Date
    /// The days read now (the whole range until a window has to be split).
    package var window: ArchiveBackfillWindow
    /// The next voucherlist page of ``window`` to read.
    package var nextPage: Int
    /// How many pages the window's list had when last read; `nil` before its first.
    package var totalPages: Int?
    /// How many documents were queued so far.
    package var queued: Int
    /// When it finished; `nil` while running.
    package var finishedAt: Date?

    /// A progress record; `window` is the whole range unless given.
    package init(
        from: PlainDate,
        to: PlainDate,
        window: ArchiveBackfillWindow? = nil,
        startedAt: Date,
        nextPage: Int,
        totalPages: Int?,
        queued: Int,
        finishedAt: Date?
    ) {
        self.from = from
        self.to = to
        self.window = window ?? ArchiveBackfillWindow(from: from, to: to)
        self.startedAt = startedAt
        self.nextPage = nextPage
        self.totalPages = totalPages
        self.queued = queued
        self.finishedAt = finishedAt
    }
}
