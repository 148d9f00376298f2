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
        let value = try value(column)
        if let direct = Self.direct(value, as: D.self) { return direct }
        return try decoder.decode(D.self, from: SQLiteData(value))
    }

    /// The value as `D` without the decoder, for the types most columns hold when the stored type is exactly the one
    /// asked for (the decoder gives the same); `nil` leaves every other case to the decoder.
    private static func direct<D>(_ value: SQLiteValue, as type: D.Type) -> D? {
        switch value {
        case .text(let text):
            if D.self == String.self || D.self == String?.self { return text as? D }
        case .integer(let integer):
            if D.self == Int64.self || D.self == Int64?.self { return integer as? D }
            if D.self == Int.self || D.self == Int?.self { return Int(integer) as? D }
        case .null:
            if D.self == String?.self { return String?.none as? D }
            if D.self == Int64?.self { return Int64?.none as? D }
            if D.self == Int?.self { return Int?.none as? D }
        case .real, .blob:
            break
        }
        return nil
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
