import Foundation
import KontorCore
import KontorFlows
import LexofficeKit
import SQLKit

extension ArchiveBackfillProgress {
    /// Reads a backfill from a `SELECT * FROM archive_backfills` row.
    init(row: any SQLRow) throws {
        let from = try PlainDate(try row.decode(column: "date_from", as: String.self))
        let to = try PlainDate(try row.decode(column: "date_to", as: String.self))
        let windowFrom = try row.decode(column: "window_from", as: String?.self)
        let windowTo = try row.decode(column: "window_to", as: String?.self)
        self.init(
            from: from,
            to: to,
            window: ArchiveBackfillWindow(
                from: try windowFrom.map { try PlainDate($0) } ?? from,
                to: try windowTo.map { try PlainDate($0) } ?? to
            ),
            startedAt: Date(millisecondsSince1970: try row.decode(column: "started_at", as: Int64.self)),
            nextPage: try row.decode(column: "next_page", as: Int.self),
            totalPages: try row.decode(column: "total_pages", as: Int?.self),
            queued: try row.decode(column: "queued", as: Int.self),
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }
}
