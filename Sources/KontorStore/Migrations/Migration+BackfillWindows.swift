extension Migration {
    /// Version 16: a backfill reads its range in windows (lexoffice pages through at most 10,000 matches of a
    /// query); `archive_backfills.window_from`/`window_to` hold the window being read, `NULL` for the whole range.
    static let backfillWindows = Migration(version: 17, name: "archive backfill windows") { _ in
        [
            "ALTER TABLE archive_backfills ADD COLUMN window_from TEXT",
            "ALTER TABLE archive_backfills ADD COLUMN window_to TEXT",
        ]
    }
}
