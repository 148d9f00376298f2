import Foundation
import KontorCore
import KontorFlows
import LexofficeKit
import SQLKit

extension ArchiveBackfillProgress {
    /// Reads a backfill from a `SELECT * FROM archive_backfills` row.
    init(row: any SQLRow) throws {
        self.init(
            from: try PlainDate(try row.decode(column: "date_from", as: String.self)),
            to: try PlainDate(try row.decode(column: "date_to", as: String.self)),
            startedAt: Date(millisecondsSince1970: try row.decode(column: "started_at", as: Int64.self)),
            nextPage: try row.decode(column: "next_page", as: Int.self),
            totalPages: try row.decode(column: "total_pages", as: Int?.self),
            queued: try row.decode(column: "queued", as: Int.self),
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }
}
