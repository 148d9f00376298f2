/// A table for people: upper-case headers, columns padded to their widest cell, over-long cells shortened.
struct TextTable {
    /// The longest cell shown in full; longer ones end in `…`.
    static let maxCellWidth = 48

    var headers: [String]
    var rows: [[String]]

    /// The table as lines of text, headers first.
    func rendered() -> String {
        let lines = [headers.map { $0.uppercased() }] + rows.map { $0.map(Self.shortened) }
        let widths = headers.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { cells in
            cells.indices.map { column in
                column == cells.count - 1 ? cells[column] : cells[column].padding(to: widths[column])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A two-column table of a resource's fields: `company.name  Radhaus Nord GmbH`.
    static func fields(of value: [(path: String, value: String)]) -> String {
        let width = value.map(\.path.count).max() ?? 0
        return value.map { $0.path.padding(to: width) + "  " + $0.value }.joined(separator: "\n")
    }

    private static func shortened(_ cell: String) -> String {
        let flat = cell.replacingLineBreaks()
        return flat.count > maxCellWidth ? String(flat.prefix(maxCellWidth - 1)) + "…" : flat
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func replacingLineBreaks() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
