/// Whether a voucher is settled, and on which side an amount is open.
public struct PaymentStatus: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Nothing is open (also for voided vouchers).
    public static let balanced: PaymentStatus = "balanced"
    /// Revenue is open, e.g. an unpaid invoice or an open (sales) credit note.
    public static let openRevenue: PaymentStatus = "openRevenue"
    /// An expense is open, e.g. an unpaid purchase invoice or an open purchase credit note.
    public static let openExpense: PaymentStatus = "openExpense"

    public static let documentedValues: [PaymentStatus] = [.balanced, .openRevenue, .openExpense]
}
