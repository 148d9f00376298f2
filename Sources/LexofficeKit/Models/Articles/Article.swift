/// A product or service that sales-voucher line items can reference (`/v1/articles`).
public struct Article: Codable, Hashable, Sendable {
    /// The article's id; read-only, assigned by lexoffice.
    public var id: LexofficeID?
    /// The owning organization; read-only.
    public var organizationId: LexofficeID?
    /// When the article was created; read-only.
    public var createdDate: LexofficeDateTime?
    /// When the article was last changed; read-only.
    public var updatedDate: LexofficeDateTime?
    /// Whether the article is archived; read-only.
    public var archived: Bool?
    /// The article's name.
    public var title: String
    /// A description.
    public var description: String?
    /// Whether it is a product or a service.
    public var type: ArticleType
    /// The user's own article number (the list filter `articleNumber` matches it exactly).
    public var articleNumber: String?
    /// A GTIN-8, -12, -13 or -14; validated when present.
    public var gtin: String?
    /// An internal note.
    public var note: String?
    /// The unit, e.g. `Stück`.
    public var unitName: String
    /// The price.
    public var price: ArticlePrice
    /// The optimistic-locking revision; send the value last read on update.
    public var version: Int?

    /// Creates an article; the read-only values are for simulators and tests.
    public init(
        title: String,
        type: ArticleType,
        unitName: String,
        price: ArticlePrice,
        description: String? = nil,
        articleNumber: String? = nil,
        gtin: String? = nil,
        note: String? = nil,
        version: Int? = nil,
        id: LexofficeID? = nil,
        organizationId: LexofficeID? = nil,
        createdDate: LexofficeDateTime? = nil,
        updatedDate: LexofficeDateTime? = nil,
        archived: Bool? = nil
    ) {
        self.id = id
        self.organizationId = organizationId
        self.createdDate = createdDate
        self.updatedDate = updatedDate
        self.archived = archived
        self.title = title
        self.description = description
        self.type = type
        self.articleNumber = articleNumber
        self.gtin = gtin
        self.note = note
        self.unitName = unitName
        self.price = price
        self.version = version
    }
}
