/// The kind of a sales voucher line item.
public struct LineItemType: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A service article; needs the article's `id` (since 22.01.2024).
    public static let service: LineItemType = "service"
    /// A material (product) article; needs the article's `id` (since 22.01.2024).
    public static let material: LineItemType = "material"
    /// A free position without an article.
    public static let custom: LineItemType = "custom"
    /// A text line: only `name` and `description`, no quantity, price or amount.
    public static let text: LineItemType = "text"

    public static let documentedValues: [LineItemType] = [.service, .material, .custom, .text]
}
