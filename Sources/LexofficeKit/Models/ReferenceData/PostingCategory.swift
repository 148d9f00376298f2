/// A posting category (Buchungskategorie) for bookkeeping voucher items (`GET /v1/posting-categories`).
public struct PostingCategory: Codable, Hashable, Sendable {
    /// The category id, used as ``VoucherItem/categoryId``.
    public var id: LexofficeID
    /// The name.
    public var name: String?
    /// `income` for sales voucher types, `outgo` for purchase voucher types.
    public var type: PostingCategoryType?
    /// Whether a voucher in this category must reference a real contact, not the collective one.
    public var contactRequired: Bool?
    /// Whether items with different tax rates are allowed in this category.
    public var splitAllowed: Bool?
    /// The name of the top-level group.
    public var groupName: String?

    /// Creates a posting category (simulators and tests).
    public init(
        id: LexofficeID,
        name: String? = nil,
        type: PostingCategoryType? = nil,
        contactRequired: Bool? = nil,
        splitAllowed: Bool? = nil,
        groupName: String? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.contactRequired = contactRequired
        self.splitAllowed = splitAllowed
        self.groupName = groupName
    }
}
