import LexofficeKit

/// One column of a listing: a header and how to get the cell from a resource's JSON.
struct TableColumn: Sendable {
    /// The header (printed upper-case).
    let header: String
    /// The cell text of one resource.
    let cell: @Sendable (JSONValue) -> String

    /// A column with a computed cell.
    init(_ header: String, cell: @escaping @Sendable (JSONValue) -> String) {
        self.header = header
        self.cell = cell
    }

    /// A column showing the value at a dotted path.
    init(_ header: String, _ path: String) {
        self.init(header) { $0.value(at: path)?.cellText ?? "" }
    }

    /// A column showing only the day of the date-time at `path` (`2026-11-30T00:00:00.000+01:00` → `2026-11-30`).
    static func date(_ header: String, _ path: String) -> TableColumn {
        TableColumn(header) { String(($0.value(at: path)?.cellText ?? "").prefix(10)) }
    }
}
