import Foundation
import KontorCore
import Testing

@Suite("Lower-case hexadecimal")
struct HexadecimalTests {
    private let everyByte = (0...255).map(UInt8.init)
    private var expected: String { everyByte.map { String(format: "%02x", $0) }.joined() }

    @Test("every byte value, from contiguous and other sequences and from raw memory")
    func everyByteValue() {
        #expect(everyByte.lowercaseHex == expected)
        #expect(Data(everyByte).lowercaseHex == expected)
        #expect(everyByte.lazy.map { $0 }.lowercaseHex == expected, "a sequence without contiguous storage")
        #expect(everyByte.withUnsafeBytes(\.lowercaseHex) == expected)
        #expect([UInt8]().lowercaseHex.isEmpty)
        #expect([0xAB].lowercaseHex == "ab")
    }
}
