import Foundation

/// Where the hub keeps its data: an SQLite file (the default) or a PostgreSQL server.
package enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite database file; its folder is created when missing.
    case sqlite(path: String)
    /// A PostgreSQL server, as a `postgres://user:password@host:port/database?sslmode=...` URL.
    case postgres(url: String)

    /// The default location: `./kontor-data/kontor.sqlite`.
    package static let defaultSQLite = DatabaseLocation.sqlite(path: "kontor-data/kontor.sqlite")

    /// Reads a location from a URL (`postgres://…`, `postgresql://…`, `sqlite:///abs/path`, `sqlite:rel/path`)
    /// or a plain file path (taken as SQLite).
    /// - Throws: ``StoreError`` `invalid-database-location` for an unknown scheme or an empty path.
    package init(parsing text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(url: trimmed)
        } else if trimmed.hasPrefix("sqlite://") {
            self = try Self.sqliteFile(String(trimmed.dropFirst("sqlite://".count)))
        } else if trimmed.hasPrefix("sqlite:") {
            self = try Self.sqliteFile(String(trimmed.dropFirst("sqlite:".count)))
        } else if let colon = trimmed.firstIndex(of: ":"), trimmed[..<colon].allSatisfy(\.isLetter),
            trimmed[..<colon].count > 1
        {
            throw StoreError(
                .invalidLocation,
                "unsupported database URL scheme '\(trimmed[..<colon])': use postgres:// or an SQLite file path"
            )
        } else {
            self = try Self.sqliteFile(trimmed)
        }
    }

    private static func sqliteFile(_ path: String) throws(StoreError) -> DatabaseLocation {
        guard !path.isEmpty else { throw StoreError(.invalidLocation, "the SQLite file path is empty") }
        return .sqlite(path: path)
    }

    /// The location without a password, safe to log.
    package var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://<unparsable>" }
            if components.password != nil { components.password = "<redacted>" }
            return components.string ?? "postgres://<unparsable>"
        }
    }
}
