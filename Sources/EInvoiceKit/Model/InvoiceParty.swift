/// A seller (BG-4) or buyer (BG-7).
public struct InvoiceParty: Hashable, Sendable {
    /// The name (BT-27, BT-44): the registered name, else the trading name.
    public var name: String
    /// The VAT identifier (BT-31, BT-48), e.g. `DE123456789`.
    public var vatID: String?
    /// The local tax number (BT-32, Steuernummer), sellers only.
    public var taxNumber: String?
    /// The postal address (BG-5, BG-8).
    public var address: PostalAddress?

    /// Creates a party.
    public init(name: String, vatID: String? = nil, taxNumber: String? = nil, address: PostalAddress? = nil) {
        self.name = name
        self.vatID = vatID
        self.taxNumber = taxNumber
        self.address = address
    }
}
