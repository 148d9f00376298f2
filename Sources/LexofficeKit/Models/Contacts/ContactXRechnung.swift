/// The XRechnung data of a contact; with both values set, invoices to it become XRechnung documents.
public struct ContactXRechnung: Codable, Hashable, Sendable {
    /// The customer's Leitweg-ID (German XRechnung routing id).
    public var buyerReference: String?
    /// Your supplier number at the customer; required whenever ``buyerReference`` is set.
    public var vendorNumberAtCustomer: String?

    /// Creates XRechnung data.
    public init(buyerReference: String? = nil, vendorNumberAtCustomer: String? = nil) {
        self.buyerReference = buyerReference
        self.vendorNumberAtCustomer = vendorNumberAtCustomer
    }
}
