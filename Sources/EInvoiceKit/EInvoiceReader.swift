import Foundation

/// Reads structured e-invoices: XRechnung / EN 16931 in UN/CEFACT CII or OASIS UBL (invoice and credit note), and
/// hybrid PDFs (ZUGFeRD 1.0, ZUGFeRD 2.x, Factur-X) that embed the XML.
///
/// The reader is pure: it takes bytes and returns values, with no file or network access. The result is either a
/// valid ``EInvoice``, whose totals reconcile per EN 16931, or an ``EInvoiceError`` that says why not; a caller then
/// treats the document as a plain file.
///
/// ```swift
/// let invoice = try EInvoiceReader().read(data)
/// print(invoice.number, invoice.totals.amountDue, invoice.currency)
/// ```
public struct EInvoiceReader: Sendable {
    /// Bounds that keep hostile input from exhausting memory or time.
    public struct Limits: Hashable, Sendable {
        /// The largest document accepted, in bytes (default 20 MiB).
        public var maximumDocumentBytes: Int
        /// The largest decoded PDF stream, in bytes (default 20 MiB): bounds "zip bombs".
        public var maximumDecodedStreamBytes: Int
        /// The most XML elements in one invoice (default 200 000).
        public var maximumXMLElements: Int
        /// The deepest XML element nesting (default 64; the invoice schemas need about 12).
        public var maximumXMLDepth: Int

        /// Creates limits; the defaults suit invoices up to thousands of lines.
        public init(
            maximumDocumentBytes: Int = 20 << 20,
            maximumDecodedStreamBytes: Int = 20 << 20,
            maximumXMLElements: Int = 200_000,
            maximumXMLDepth: Int = 64
        ) {
            self.maximumDocumentBytes = maximumDocumentBytes
            self.maximumDecodedStreamBytes = maximumDecodedStreamBytes
            self.maximumXMLElements = maximumXMLElements
            self.maximumXMLDepth = maximumXMLDepth
        }
    }

    /// The bounds this reader applies.
    public var limits: Limits

    /// Creates a reader.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads and validates an e-invoice from a PDF or XML document.
    ///
    /// - Throws: ``EInvoiceError`` with code `unsupported-format`, `malformed-xml`, `forbidden-dtd`,
    ///   `unknown-namespace`, `not-an-invoice`, `missing-field`, `invalid-value`, `totals-mismatch`,
    ///   `tax-mismatch`, `malformed-pdf`, `encrypted-pdf`, `unsupported-pdf-filter`, `no-embedded-invoice` or
    ///   `limit-exceeded`.
    public func read(_ data: Data) throws(EInvoiceError) -> EInvoice {
        try checkSize(data)
        if DocumentKind.isPDF(data) {
            let attachment = try embeddedInvoiceXML(inPDF: data)
            return try readXML(attachment.xml, pdfAttachmentName: attachment.name)
        }
        guard DocumentKind.isXML(data) else {
            throw EInvoiceError(.unsupportedFormat, detail: "The document is neither a PDF nor XML.")
        }
        return try readXML(data, pdfAttachmentName: nil)
    }

    /// Extracts the XML invoice embedded in a hybrid PDF without reading it.
    ///
    /// - Returns: the attachment's file name (such as `factur-x.xml`) and its bytes.
    /// - Throws: ``EInvoiceError`` with code `malformed-pdf`, `encrypted-pdf`, `unsupported-pdf-filter`,
    ///   `no-embedded-invoice` or `limit-exceeded`.
    public func embeddedInvoiceXML(inPDF data: Data) throws(EInvoiceError) -> (name: String, xml: Data) {
        try checkSize(data)
        let file = try PDFFile(bytes: [UInt8](data), limits: limits)
        let attachment = try EmbeddedInvoiceFinder(file: file).invoiceAttachment()
        return (attachment.name, Data(attachment.data))
    }

    private func readXML(_ data: Data, pdfAttachmentName: String?) throws(EInvoiceError) -> EInvoice {
        let root = try XMLTreeBuilder.parse(data, limits: limits)
        let invoice: EInvoice
        switch (root.namespace, root.name) {
        case (CIIDialect.d16b.rootNamespace, CIIDialect.d16b.rootName):
            invoice = try CIIMapper(dialect: .d16b).map(root, pdfAttachmentName: pdfAttachmentName)
        case (CIIDialect.zugferd1.rootNamespace, CIIDialect.zugferd1.rootName):
            invoice = try CIIMapper(dialect: .zugferd1).map(root, pdfAttachmentName: pdfAttachmentName)
        case (UBLMapper.invoiceNamespace, "Invoice"):
            invoice = try UBLMapper(syntax: .ublInvoice).map(root, pdfAttachmentName: pdfAttachmentName)
        case (UBLMapper.creditNoteNamespace, "CreditNote"):
            invoice = try UBLMapper(syntax: .ublCreditNote).map(root, pdfAttachmentName: pdfAttachmentName)
        case (_, "CrossIndustryInvoice"), (_, "CrossIndustryDocument"), (_, "Invoice"), (_, "CreditNote"):
            throw EInvoiceError(
                .unknownNamespace,
                detail: "The root element is named like an invoice but its namespace is not a supported syntax."
            )
        default:
            throw EInvoiceError(.notAnInvoice, detail: "The XML is not a CII or UBL invoice.")
        }
        try InvoiceValidator.validate(invoice)
        return invoice
    }

    private func checkSize(_ data: Data) throws(EInvoiceError) {
        guard data.count <= limits.maximumDocumentBytes else {
            throw EInvoiceError(.limitExceeded, detail: "The document exceeds the size limit.")
        }
    }
}
