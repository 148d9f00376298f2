import struct Foundation.Decimal

/// One position of a sales voucher.
///
/// `text` items carry only `name` and `description`. `custom`, `service` and `material` items need `quantity`,
/// `unitName` and `unitPrice` (delivery notes: `unitPrice` optional); `service` and `material` also need the
/// article's `id`.
public struct LineItem: Codable, Hashable, Sendable {
    /// The referenced article; required for `service` and `material`, absent for `custom` and `text`.
    public var id: LexofficeID?
    /// The kind of position.
    public var type: LineItemType
    /// The position's name, at most 255 characters; required on create. Optional when reading, because text
    /// positions made in the web app may carry only a description.
    public var name: String?
    /// A longer description, at most 2000 characters.
    public var description: String?
    /// The quantity, up to 4 decimals.
    public var quantity: Decimal?
    /// The unit, e.g. `Stück`; unknown unit names are created on the fly.
    public var unitName: String?
    /// The unit price; may be `null` on delivery notes.
    public var unitPrice: UnitPrice?
    /// A line discount in percent, up to 2 decimals; not on credit notes and delivery notes.
    public var discountPercentage: Decimal?
    /// The line total, net or gross according to the tax type; read-only: ignored by lexoffice when sent.
    public var lineItemAmount: Decimal?
    // `alternative`, `optional`, `subItems`: the order of lexoffice's documented quotation sample.
    /// Whether the position is an alternative (quotations only; required and `true` on sub items).
    public var alternative: Bool?
    /// Whether the position is optional and left out of the totals (quotations only; not on sub items).
    public var optional: Bool?
    /// Alternative positions for this one (quotations only); each must have `alternative` set to `true`.
    public var subItems: [LineItem]?

    /// Creates a line item.
    public init(
        type: LineItemType,
        name: String,
        id: LexofficeID? = nil,
        description: String? = nil,
        quantity: Decimal? = nil,
        unitName: String? = nil,
        unitPrice: UnitPrice? = nil,
        discountPercentage: Decimal? = nil,
        lineItemAmount: Decimal? = nil,
        subItems: [LineItem]? = nil,
        optional: Bool? = nil,
        alternative: Bool? = nil
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.description = description
        self.quantity = quantity
        self.unitName = unitName
        self.unitPrice = unitPrice
        self.discountPercentage = discountPercentage
        self.lineItemAmount = lineItemAmount
        self.subItems = subItems
        self.optional = optional
        self.alternative = alternative
    }
}
