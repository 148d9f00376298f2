/// Whether a posting category books revenue or expenses.
public struct PostingCategoryType: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Revenue: for `salesinvoice` and `salescreditnote` vouchers.
    public static let income: PostingCategoryType = "income"
    /// Expenses: for `purchaseinvoice` and `purchasecreditnote` vouchers.
    public static let outgo: PostingCategoryType = "outgo"

    public static let documentedValues: [PostingCategoryType] = [.income, .outgo]
}
