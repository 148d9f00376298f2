/// How a sales voucher is taxed.
public struct TaxConditions: Codable, Hashable, Sendable {
    /// The tax type; types other than `net`, `gross` and `vatfree` need a referenced contact.
    public var taxType: TaxType
    /// The EU B2C special case, only with `net` or `gross`; absent for a standard voucher.
    public var taxSubType: TaxSubType?
    /// The note printed for vat-free tax types; the organization's default when omitted.
    public var taxTypeNote: String?

    /// Creates tax conditions.
    public init(taxType: TaxType, taxSubType: TaxSubType? = nil, taxTypeNote: String? = nil) {
        self.taxType = taxType
        self.taxSubType = taxSubType
        self.taxTypeNote = taxTypeNote
    }
}
