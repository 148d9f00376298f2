/// The organization and API connection behind the access token (`GET /v1/profile`).
public struct Profile: Codable, Hashable, Sendable {
    /// The organization's id.
    public var organizationId: LexofficeID
    /// The company name.
    public var companyName: String?
    /// Who created the API connection, and when.
    public var created: ProfileCreator?
    /// The id of this API connection; the `resourceId` of `token.revoked` events.
    public var connectionId: LexofficeID?
    /// Feature flags such as `cashbox`; seen in the official sample, not documented.
    public var features: [String]?
    /// The booked feature sets; new values may appear.
    public var businessFeatures: [BusinessFeature]?
    /// The subscription state, e.g. `active`; seen in the official sample, not documented.
    public var subscriptionStatus: String?
    /// The organization's tax setting: `net`, `gross` or `vatfree`.
    public var taxType: TaxType?
    /// The EU distance-sales principle; absent when not configured.
    public var distanceSalesPrinciple: DistanceSalesPrinciple?
    /// Whether the organization is a small business (§19 UStG), which allows only vat-free sales vouchers.
    public var smallBusiness: Bool?

    /// Creates a profile (simulators and tests).
    public init(
        organizationId: LexofficeID,
        companyName: String? = nil,
        created: ProfileCreator? = nil,
        connectionId: LexofficeID? = nil,
        features: [String]? = nil,
        businessFeatures: [BusinessFeature]? = nil,
        subscriptionStatus: String? = nil,
        taxType: TaxType? = nil,
        distanceSalesPrinciple: DistanceSalesPrinciple? = nil,
        smallBusiness: Bool? = nil
    ) {
        self.organizationId = organizationId
        self.companyName = companyName
        self.created = created
        self.connectionId = connectionId
        self.features = features
        self.businessFeatures = businessFeatures
        self.subscriptionStatus = subscriptionStatus
        self.taxType = taxType
        self.distanceSalesPrinciple = distanceSalesPrinciple
        self.smallBusiness = smallBusiness
    }
}
