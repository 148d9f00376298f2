/// A value SQLite stores or returns: one of its storage classes.
package enum SQLiteValue: Sendable, Hashable {
    /// An integer (SQLite's `INTEGER`).
    case integer(Int64)
    /// A floating-point number (SQLite's `REAL`).
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes.
    case blob([UInt8])
    /// `NULL`.
    case null
}

/// The result columns of a prepared statement, shared by all of its rows.
package final class SQLiteColumns: Sendable {
    /// The column names in result order.
    package let names: [String]
    /// The position of each name (the first column of that name wins, as in SQLite's own lookup).
    package let positions: [String: Int]

    /// Columns named `names`, in result order.
    package init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
        self.positions = positions
    }
}

/// The rows one statement returned.
package struct SQLiteResult: Sendable {
    /// The result columns.
    package var columns: SQLiteColumns
    /// The rows, each with one value per column.
    package var rows: [[SQLiteValue]]
}
