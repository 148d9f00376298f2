extension Sequence<UInt8> {
    /// The bytes as lower-case hexadecimal, two digits each (digests, signatures).
    package var lowercaseHex: String {
        let bytes = withContiguousStorageIfAvailable { UnsafeRawBufferPointer($0).lowercaseHex }
        return bytes ?? Array(self).withUnsafeBytes(\.lowercaseHex)
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes as lower-case hexadecimal, two digits each, written straight into the string's storage.
    package var lowercaseHex: String {
        String(unsafeUninitializedCapacity: count * 2) { text in
            for (index, byte) in enumerated() {
                text[2 * index] = hexDigit(byte >> 4)
                text[2 * index + 1] = hexDigit(byte & 0x0f)
            }
            return count * 2
        }
    }
}

/// The lower-case hexadecimal digit of `value` (0…15).
private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
}
