/// Where an invoice came from: its XML syntax and, for a hybrid PDF, the attachment that held it.
public struct EInvoiceSource: Hashable, Sendable {
    /// The XML syntax of the invoice data.
    public var syntax: EInvoiceSyntax
    /// The name of the PDF attachment the XML was read from (`factur-x.xml`, …); `nil` for a plain XML document.
    public var pdfAttachmentName: String?
    /// The specification identifier (BT-24), e.g. `urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0`.
    public var specificationID: String?

    /// Creates a source description.
    public init(syntax: EInvoiceSyntax, pdfAttachmentName: String? = nil, specificationID: String? = nil) {
        self.syntax = syntax
        self.pdfAttachmentName = pdfAttachmentName
        self.specificationID = specificationID
    }

    /// Whether the XML came out of a hybrid PDF (ZUGFeRD, Factur-X).
    public var isHybridPDF: Bool { pdfAttachmentName != nil }
}

/// The XML syntaxes ``EInvoiceReader`` reads.
public enum EInvoiceSyntax: String, Hashable, Sendable, CaseIterable {
    /// UN/CEFACT Cross Industry Invoice D16B (XRechnung CII, ZUGFeRD 2.x, Factur-X).
    case cii
    /// The ZUGFeRD 1.0 Cross Industry Document (`urn:ferd:CrossIndustryDocument:invoice:1p0`).
    case zugferd1
    /// OASIS UBL 2.1 `Invoice`.
    case ublInvoice
    /// OASIS UBL 2.1 `CreditNote`.
    case ublCreditNote
}
