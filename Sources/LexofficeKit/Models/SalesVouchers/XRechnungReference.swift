/// The XRechnung data of an invoice: the buyer reference (Leitweg-ID).
///
/// Omit it to use the referenced contact's buyer reference. When present, `buyerReference` overrides the
/// contact's value for this invoice only; an empty string makes a regular invoice for an XRechnung contact. Sending
/// one for a contact without buyer reference and vendor number fails with 406.
public struct XRechnungReference: Codable, Hashable, Sendable {
    /// The buyer reference (Leitweg-ID).
    public var buyerReference: String

    /// Creates an XRechnung reference.
    public init(buyerReference: String) {
        self.buyerReference = buyerReference
    }
}
