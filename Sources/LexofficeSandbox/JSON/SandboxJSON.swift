import Foundation

/// The JSON the sandbox sends: compact, with every object's members in one fixed order, so that two identical
/// requests get byte-identical bodies.
///
/// `JSONEncoder` writes members in the order of a hash table that differs from one encoding to the next. Here a
/// model's members come out in the order the model encodes them, which for LexofficeKit's models is the order of
/// their declarations and thus of lexoffice's documented samples (pinned by a test against
/// `Tests/Fixtures/lexoffice/`). A dictionary has no order of its own; its members are sorted by key.
/// Values are written as `JSONEncoder` writes them (`Decimal` as a plain number, `URL` as its string, `Data` in
/// Base64, no escaped `/`), so only the order differs.
enum SandboxJSON {
    /// The compact JSON text of `value`.
    /// - Throws: `EncodingError.invalidValue` for a number JSON cannot hold (NaN, infinity).
    static func encode(_ value: some Encodable) throws -> Data {
        Data(try bytes(of: value))
    }

    /// The compact JSON text of `value` as UTF-8 bytes.
    static func bytes(of value: some Encodable) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        try TreeEncoder.element(for: value, codingPath: []).write(to: &bytes)
        return bytes
    }
}
