import Foundation

/// The hub's one JSON configuration, for every document it writes with `JSONEncoder` (API answers, problem bodies,
/// callbacks, job payloads, fingerprints, the CLI's `--json`) and reads with `JSONDecoder`: keys sorted, slashes
/// not escaped, dates ISO 8601. ``CanonicalJSONWriter`` writes the same bytes directly.
package enum KontorJSON {
    /// A new encoder in the hub's configuration; `pretty` indents (for people reading the CLI's output).
    package static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { encoder.outputFormatting.insert(.prettyPrinted) }
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A new decoder in the hub's configuration.
    package static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The JSON text of `value`.
    package static func text(of value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}
