import Foundation
import LexofficeKit

/// The days of a backfill's date range that one voucherlist query reads. lexoffice pages through at most 10,000
/// matches of a query, so a window with that many is halved (its earlier half read first) until it holds fewer; the
/// next window then reaches from the following day to the range's end again, halved in turn if it must be.
package struct ArchiveBackfillWindow: Sendable, Hashable {
    /// The first document date.
    package var from: PlainDate
    /// The last document date.
    package var to: PlainDate

    /// The days `from` through `to`.
    package init(from: PlainDate, to: PlainDate) {
        self.from = from
        self.to = to
    }

    /// How many days the window spans (1 for a single day).
    package var days: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        func date(_ day: PlainDate) -> Date {
            calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? .distantPast
        }
        return (calendar.dateComponents([.day], from: date(from), to: date(to)).day ?? 0) + 1
    }

    /// The window's earlier half (the middle day included when the days are odd); `nil` for a single day, which
    /// cannot be split.
    package var earlierHalf: ArchiveBackfillWindow? {
        let days = days
        guard days > 1 else { return nil }
        return ArchiveBackfillWindow(from: from, to: from.adding(days: (days + 1) / 2 - 1))
    }

    /// The window from the day after this one through `end`; `nil` when this one ends there.
    package func following(through end: PlainDate) -> ArchiveBackfillWindow? {
        guard to < end else { return nil }
        return ArchiveBackfillWindow(from: to.adding(days: 1), to: end)
    }

    /// Whether a query that reports `totalElements` matches must be split to be read completely: lexoffice caps
    /// `totalElements` at its window of `limit` (10,000), so that many may mean more.
    package static func isTooLarge(totalElements: Int, limit: Int) -> Bool {
        totalElements >= limit
    }
}
