/// The kind of an article.
public struct ArticleType: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A physical product (line item type `material`).
    public static let product: ArticleType = "PRODUCT"
    /// A service (line item type `service`).
    public static let service: ArticleType = "SERVICE"

    public static let documentedValues: [ArticleType] = [.product, .service]
}
