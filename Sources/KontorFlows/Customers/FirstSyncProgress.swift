import Foundation

/// How far a tenant's first customer sync has come: lexoffice's customer contacts are offered on the change feed
/// page by page (250 per request), the progress committed after each page, so a crash resumes at the page it was
/// on (entries of that page already offered are not offered twice).
package struct FirstSyncProgress: Sendable, Equatable {
    /// When it started (the sync's activation).
    package var startedAt: Date
    /// The next page of lexoffice's contact list to read.
    package var nextPage: Int
    /// How many pages the list had when last read; `nil` before the first.
    package var totalPages: Int?
    /// How many contacts were offered so far.
    package var offered: Int
    /// When it finished; `nil` while running.
    package var finishedAt: Date?
    /// The customer number looked up next, once lexoffice's list window is read to its end and more contacts may
    /// exist beyond it; `nil` while paging.
    package var scanNumber: Int?
    /// How many numbers in a row above the highest known customer number had no contact.
    package var scanMisses: Int

    /// A progress record.
    package init(
        startedAt: Date,
        nextPage: Int,
        totalPages: Int?,
        offered: Int,
        finishedAt: Date?,
        scanNumber: Int? = nil,
        scanMisses: Int = 0
    ) {
        self.startedAt = startedAt
        self.nextPage = nextPage
        self.totalPages = totalPages
        self.offered = offered
        self.finishedAt = finishedAt
        self.scanNumber = scanNumber
        self.scanMisses = scanMisses
    }
}
