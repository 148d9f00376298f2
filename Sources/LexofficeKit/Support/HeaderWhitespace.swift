extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without leading and trailing spaces and tabs, the optional whitespace around an HTTP header value
    /// (RFC 9110 §5.6.3). Byte-wise, because Foundation's `trimmingCharacters(in:)` is costly on a hot path.
    package var trimmingHeaderWhitespace: SubSequence {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.firstIndex(where: { !isBlank($0) }),
            let last = utf8.lastIndex(where: { !isBlank($0) })
        else {
            return self[endIndex...]
        }
        return self[first..<utf8.index(after: last)]
    }
}

extension String {
    /// The credentials of an `Authorization` header value that uses `scheme` (`Bearer`, `Basic`): what follows the
    /// scheme and a space, without surrounding whitespace; `nil` for another scheme. The scheme is compared
    /// case-insensitively (RFC 9110 §11.1), byte by byte, without lowercasing the whole value.
    package func credentials(afterScheme scheme: String) -> Substring? {
        var index = utf8.startIndex
        for expected in scheme.utf8 {
            guard index != utf8.endIndex, Self.asciiLowercase(utf8[index]) == Self.asciiLowercase(expected) else {
                return nil
            }
            index = utf8.index(after: index)
        }
        guard index != utf8.endIndex, utf8[index] == UInt8(ascii: " ") else { return nil }
        return self[utf8.index(after: index)...].trimmingHeaderWhitespace
    }

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
