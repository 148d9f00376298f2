import KontorSQLite
import NIOCore
import SQLKit
import SQLiteKit

/// One result row as SQLKit reads it; values decode with SQLiteKit's decoder, so they read exactly as they did
/// through SQLiteNIO.
struct SQLiteResultRow: SQLRow {
    let columns: SQLiteColumns
    let values: [SQLiteValue]
    let decoder: SQLiteDataDecoder

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.positions[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        try value(column) == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        try decoder.decode(D.self, from: SQLiteData(try value(column)))
    }

    private func value(_ column: String) throws -> SQLiteValue {
        guard let position = columns.positions[column] else {
            throw DecodingError.keyNotFound(
                SQLiteColumnKey(column),
                .init(codingPath: [], debugDescription: "no column '\(column)' in the result")
            )
        }
        return values[position]
    }
}

extension SQLiteData {
    /// SQLiteKit's form of a value the driver read.
    init(_ value: SQLiteValue) {
        switch value {
        case .integer(let integer): self = .integer(SQLiteInt64(integer))
        case .real(let double): self = .float(double)
        case .text(let text): self = .text(text)
        case .blob(let bytes): self = .blob(ByteBuffer(bytes: bytes))
        case .null: self = .null
        }
    }
}

extension SQLiteValue {
    /// The driver's form of a value SQLiteKit's encoder produced.
    init(_ data: SQLiteData) {
        switch data {
        case .integer(let integer): self = .integer(Int64(integer))
        case .float(let double): self = .real(double)
        case .text(let text): self = .text(text)
        case .blob(let buffer): self = .blob(Array(buffer.readableBytesView))
        case .null: self = .null
        }
    }
}

/// A column name as a coding key, for decoding errors.
private struct SQLiteColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
