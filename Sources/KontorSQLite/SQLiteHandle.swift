internal import CSQLite3

/// One open SQLite database file, driven through the C API: statements are prepared once and kept, values are
/// bound and read without detours. Not thread-safe: ``SQLiteFileConnection`` keeps it behind a lock.
final class SQLiteHandle {
    /// A prepared statement and the names of its result columns.
    private struct Prepared {
        var statement: OpaquePointer
        var columns: SQLiteColumns
    }

    private var connection: OpaquePointer?
    private var cache: [String: Prepared] = [:]
    /// The most statements kept prepared; when full, the cache starts over (queries with literals vary).
    private let cacheLimit = 256

    /// Opens (and creates) the database file at `path`.
    /// - Throws: ``SQLiteFailure`` when the file cannot be opened.
    init(path: String) throws {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let failure = SQLiteFailure(code: code, connection: opened, sql: nil)
            sqlite3_close_v2(opened)
            throw failure
        }
        sqlite3_extended_result_codes(opened, 1)
        connection = opened
    }

    deinit { close() }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    var isInTransaction: Bool {
        guard let connection else { return false }
        return sqlite3_get_autocommit(connection) == 0
    }

    /// Runs one statement with `binds` (placeholders `?1`, `?2`, …) and returns its rows.
    /// - Throws: ``SQLiteFailure`` with SQLite's message; the statement is reset either way.
    func run(_ sql: String, binds: [SQLiteValue]) throws -> SQLiteResult {
        guard let connection else { throw SQLiteFailure.closed }
        let prepared = try prepare(sql, on: connection)
        let statement = prepared.statement
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, value) in binds.enumerated() {
            let code = bind(value, at: Int32(index + 1), of: statement)
            guard code == SQLITE_OK else { throw SQLiteFailure(code: code, connection: connection, sql: sql) }
        }
        var rows: [[SQLiteValue]] = []
        let width = Int32(prepared.columns.names.count)
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw SQLiteFailure(code: code, connection: connection, sql: sql) }
            var row: [SQLiteValue] = []
            row.reserveCapacity(Int(width))
            for column in 0..<width { row.append(value(of: statement, at: column)) }
            rows.append(row)
        }
        return SQLiteResult(columns: prepared.columns, rows: rows)
    }

    /// Finalizes every statement and closes the file; later calls fail with ``SQLiteFailure/closed``.
    func close() {
        for prepared in cache.values { sqlite3_finalize(prepared.statement) }
        cache.removeAll()
        if let connection { sqlite3_close_v2(connection) }
        connection = nil
    }

    private func prepare(_ sql: String, on connection: OpaquePointer) throws -> Prepared {
        if let cached = cache[sql] { return cached }
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let code = sqlite3_prepare_v3(connection, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            // One statement per call: text after the first statement would be silently ignored otherwise.
            if code == SQLITE_OK, let tail, !String(cString: tail).allSatisfy(\.isWhitespace) {
                return SQLITE_MISUSE
            }
            return code
        }
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            if code == SQLITE_MISUSE { throw SQLiteFailure.severalStatements(sql) }
            throw SQLiteFailure(code: code, connection: connection, sql: sql)
        }
        let names = (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) }
        let prepared = Prepared(statement: statement, columns: SQLiteColumns(names: names))
        if cache.count >= cacheLimit {
            for old in cache.values { sqlite3_finalize(old.statement) }
            cache.removeAll()
        }
        cache[sql] = prepared
        return prepared
    }

    private func bind(_ value: SQLiteValue, at index: Int32, of statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let integer):
            return sqlite3_bind_int64(statement, index, integer)
        case .real(let double):
            return sqlite3_bind_double(statement, index, double)
        case .text(let text):
            var text = text
            return text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { characters in
                    guard let base = characters.baseAddress else {
                        return sqlite3_bind_text(statement, index, "", 0, nil)
                    }
                    return sqlite3_bind_text(statement, index, base, Int32(characters.count), transientDestructor)
                }
            }
        case .blob(let bytes):
            return bytes.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return sqlite3_bind_zeroblob(statement, index, 0) }
                return sqlite3_bind_blob(statement, index, base, Int32(bytes.count), transientDestructor)
            }
        case .null:
            return sqlite3_bind_null(statement, index)
        }
    }

    private func value(of statement: OpaquePointer, at column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite3_column_blob(statement, column), count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }
}

/// SQLite's `SQLITE_TRANSIENT`: SQLite copies a bound text or blob before the call returns.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
