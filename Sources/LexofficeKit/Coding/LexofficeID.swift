import struct Foundation.UUID

/// The id of a lexoffice resource: a UUID string, kept lower-case as lexoffice writes it.
///
/// Creating an id from a string validates its form, so a malformed id is rejected before any request is sent.
/// Decoding from a response is lenient: whatever lexoffice sends is kept as is.
public struct LexofficeID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The id as sent on the wire.
    public let rawValue: String

    /// Validates and normalises (lower-cases) a UUID string.
    /// - Throws: ``LexofficeError`` with code ``LexofficeError/Code/invalidArgument`` if `string` is not a UUID.
    public init(_ string: String) throws {
        guard Self.isUUID(string) else {
            throw LexofficeError.invalidArgument(
                field: "id",
                detail: "'\(string.prefix(40))' is not a UUID (expected 8-4-4-4-12 hexadecimal digits)"
            )
        }
        rawValue = string.lowercased()
    }

    /// Wraps a UUID value.
    public init(_ uuid: UUID) {
        rawValue = uuid.uuidString.lowercased()
    }

    /// A new random id (for tests and for simulators that assign ids).
    public static func random() -> LexofficeID {
        LexofficeID(UUID())
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Whether `string` has the canonical 8-4-4-4-12 hexadecimal UUID form.
    public static func isUUID(_ string: String) -> Bool {
        let utf8 = Array(string.utf8)
        guard utf8.count == 36 else { return false }
        for (index, byte) in utf8.enumerated() {
            switch index {
            case 8, 13, 18, 23:
                if byte != UInt8(ascii: "-") { return false }
            default:
                let isHex =
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
                if !isHex { return false }
            }
        }
        return true
    }
}
