import struct Foundation.Data
import class Foundation.JSONDecoder
import class Foundation.JSONEncoder

/// The JSON coding LexofficeKit uses for request and response bodies.
///
/// Dates are ``LexofficeDateTime``/``PlainDate`` values with their own coding, so the coders need no date
/// strategy. `nil` optionals are omitted from request bodies.
public enum LexofficeJSON {
    /// Encodes a value compactly, without escaping `/` (lexoffice writes URLs plainly).
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Decodes a value.
    /// - Throws: `DecodingError` when the JSON does not match.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: data)
    }
}
