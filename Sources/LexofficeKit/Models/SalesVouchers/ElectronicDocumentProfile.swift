/// The e-invoice format of a sales voucher (read-only, since 13.01.2025).
public struct ElectronicDocumentProfile: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A regular document, not an e-invoice (wire value `NONE`; named so it cannot be mistaken for
    /// `Optional.none`); also reported for drafts and for quotations, order confirmations, delivery notes and dunnings.
    public static let regular: ElectronicDocumentProfile = "NONE"
    /// ZUGFeRD: a PDF with the EN 16931 XML embedded.
    public static let en16931: ElectronicDocumentProfile = "EN16931"
    /// XRechnung: the legal document is XML; its PDF is a preview only (invoices only).
    public static let xRechnung: ElectronicDocumentProfile = "XRechnung"

    public static let documentedValues: [ElectronicDocumentProfile] = [.regular, .en16931, .xRechnung]
}
