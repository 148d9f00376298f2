internal import CSQLite3

/// An error SQLite reported, with its result code, message and the statement it came from.
package struct SQLiteFailure: Error, CustomStringConvertible, Sendable {
    /// SQLite's extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY`, …).
    package var code: Int32
    /// SQLite's message.
    package var message: String
    /// The statement, when the error belongs to one.
    package var sql: String?

    /// The error `code` on `connection`, with the connection's last message when there is one.
    init(code: Int32, connection: OpaquePointer?, sql: String?) {
        self.code = code
        if let connection, let text = sqlite3_errmsg(connection) {
            message = String(cString: text)
        } else {
            message = String(cString: sqlite3_errstr(code))
        }
        self.sql = sql
    }

    private init(code: Int32, message: String, sql: String?) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// A statement on a closed database.
    package static let closed = SQLiteFailure(code: SQLITE_MISUSE, message: "the database is closed", sql: nil)

    /// Text holding more than one statement (only the first would run).
    static func severalStatements(_ sql: String) -> SQLiteFailure {
        SQLiteFailure(code: SQLITE_MISUSE, message: "one statement per call", sql: sql)
    }

    /// A file the database needs could not be opened or flushed to disk (`SQLITE_IOERR_FSYNC`).
    static func ioError(_ message: String) -> SQLiteFailure {
        SQLiteFailure(code: SQLITE_IOERR | (4 << 8), message: message, sql: nil)
    }

    package var description: String {
        "SQLite error \(code): \(message)" + (sql.map { " in: \($0)" } ?? "")
    }
}
