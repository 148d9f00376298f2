import struct Foundation.Decimal

extension KeyedDecodingContainer {
    /// Decodes a `Decimal` written as a JSON number or as a numeric string (`"1337.00"`); `nil` when absent or null.
    ///
    /// One payments sample in the lexoffice documentation prints an amount as a string; all others are numbers.
    /// - Throws: `DecodingError.dataCorrupted` for a string that is not a plain decimal number.
    func decodeNumberOrNumericStringIfPresent(forKey key: Key) throws -> Decimal? {
        guard let text = try? decodeIfPresent(String.self, forKey: key) else {
            return try decodeIfPresent(Decimal.self, forKey: key)
        }
        guard Self.isPlainDecimal(text), let value = Decimal(string: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key,
                in: self,
                debugDescription: "expected a number or a numeric string like \"1337.00\""
            )
        }
        return value
    }

    /// Whether `text` has the form `-?digits(.digits)?`.
    private static func isPlainDecimal(_ text: String) -> Bool {
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { part in
                !part.isEmpty && part.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            }
    }
}
