import ArgumentParser
import Foundation
import KontorCore
import LexofficeKit

/// `--json` and the printing of results: a readable table by default, JSON for scripts.
///
/// JSON output is lexoffice's JSON as LexofficeKit models it (keys sorted, so it is stable), a JSON array for
/// listings. Fields the SDK does not model are not shown; `kontor lexoffice api` prints the raw body.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (an array for listings) instead of a table.")
    var json = false

    /// Prints one resource: its JSON, or one `path  value` line per field.
    func show(_ value: some Encodable) throws {
        let console = Console.current
        if json {
            console.writeOutput(try Self.prettyJSON(value))
        } else {
            let fields = try JSONValue(encoding: value).leaves.map { (path: $0.path, value: $0.value.cellText) }
            console.line(TextTable.fields(of: fields))
        }
    }

    /// Prints a listing: a JSON array, or a table with `columns` (and a count line on standard error).
    func list<Item: Encodable>(_ items: [Item], columns: [TableColumn]) throws {
        let console = Console.current
        if json {
            console.writeOutput(try Self.prettyJSON(items))
            return
        }
        let rows = try items.map { item in
            let document = try JSONValue(encoding: item)
            return columns.map { $0.cell(document) }
        }
        if !rows.isEmpty { console.line(TextTable(headers: columns.map(\.header), rows: rows).rendered()) }
        console.note(rows.count == 1 ? "1 entry" : "\(rows.count) entries")
    }

    /// Prints a line for people, or `value` as JSON for scripts.
    func report(_ text: String, json value: some Encodable) throws {
        if json { Console.current.writeOutput(try Self.prettyJSON(value)) } else { Console.current.line(text) }
    }

    /// Indented JSON with sorted keys and a final line break.
    static func prettyJSON(_ value: some Encodable) throws -> Data {
        try KontorJSON.encoder(pretty: true).encode(value) + Data("\n".utf8)
    }

    /// JSON on one line with sorted keys and a final line break (for streams of events).
    static func compactJSON(_ value: some Encodable) throws -> Data {
        try KontorJSON.encoder().encode(value) + Data("\n".utf8)
    }
}
