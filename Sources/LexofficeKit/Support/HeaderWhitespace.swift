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
