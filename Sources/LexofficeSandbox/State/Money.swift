import Foundation

extension Decimal {
    /// Rounded half-up (commercial rounding) to `scale` decimals, as lexoffice rounds amounts.
    func rounded(scale: Int) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }
}
