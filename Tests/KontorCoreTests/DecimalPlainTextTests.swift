import Foundation
import KontorCore
import KontorTestSupport
import Testing

/// Amounts in the canonical JSON are written with `Decimal.plainText`, which must give `description`'s text.
struct DecimalPlainTextTests {
    @Test("random amounts, products, sums, quotients and rounded values read as description reads them")
    func asDescription() throws {
        var generator = SeededGenerator(seed: 20_261_202)
        var checked = 0
        func check(_ value: Decimal) {
            checked += 1
            #expect(
                value.plainText == value.description,
                "exponent \(value.exponent), significand \(value.significand)"
            )
        }
        let rate = try #require(Decimal(string: "1.19"))
        for _ in 0..<10_000 {
            let mantissa =
                UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            let exponent = Int.random(in: -30...20, using: &generator)
            let sign: FloatingPointSign = Bool.random(using: &generator) ? .minus : .plus
            let built = Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa))
            let written = try #require(
                Decimal(
                    string:
                        "\(Int.random(in: -100_000...100_000, using: &generator)).\(Int.random(in: 0...9_999, using: &generator))"
                )
            )
            check(built)
            check(written)
            check(built * written)
            check(built + written)
            check(written * Decimal(Int.random(in: 1...100, using: &generator)))
            check(written / Decimal(Int.random(in: 1...7, using: &generator)))
            var rounded = Decimal()
            var gross = written * rate
            NSDecimalRound(&rounded, &gross, 2, .plain)
            check(rounded)
        }
        #expect(checked == 70_000)
    }

    @Test("zero, negative zero, NaN, whole numbers with trailing zeros and 38-digit values")
    func edges() throws {
        let values: [Decimal] = [
            0, Decimal(sign: .minus, exponent: 0, significand: 0), Decimal(sign: .plus, exponent: -3, significand: 0),
            .nan, Decimal(sign: .plus, exponent: 5, significand: 12), try #require(Decimal(string: "0.000001")),
            try #require(Decimal(string: "-0.5")), Decimal(UInt64.max), Decimal(UInt64.max) + 1,
            try #require(Decimal(string: "12345678901234567890123456789012345678")), Decimal(1) / Decimal(3),
        ]
        for value in values {
            #expect(value.plainText == value.description, "\(value.description)")
        }
    }
}
