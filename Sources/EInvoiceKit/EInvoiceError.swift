/// Why a document is not a readable, valid e-invoice. Codes are stable: callers branch on ``code``, never on text.
///
/// ``description`` is safe to log: it names codes, business terms and rules, never amounts, names or other document
/// content.
public struct EInvoiceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as it appears in logs and APIs, e.g. `totals-mismatch`.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The bytes are neither a PDF nor an XML document.
        public static let unsupportedFormat = Code("unsupported-format")
        /// The XML is not well-formed (or not in a supported encoding).
        public static let malformedXML = Code("malformed-xml")
        /// The XML has a document type declaration; e-invoices have none, and DTDs open the door to entity attacks.
        public static let forbiddenDTD = Code("forbidden-dtd")
        /// The root element is named like an invoice but is in another namespace (or none).
        public static let unknownNamespace = Code("unknown-namespace")
        /// The XML is not an invoice or credit note in a supported syntax.
        public static let notAnInvoice = Code("not-an-invoice")
        /// A mandatory business term is missing; ``EInvoiceError/field`` names it.
        public static let missingField = Code("missing-field")
        /// A business term has a value that cannot be read (a date, an amount); ``EInvoiceError/field`` names it.
        public static let invalidValue = Code("invalid-value")
        /// The totals do not reconcile (BR-CO-10…BR-CO-16); ``EInvoiceError/rule`` names the rule.
        public static let totalsMismatch = Code("totals-mismatch")
        /// A VAT breakdown line does not reconcile (BR-CO-17, BR-S-08 and its siblings).
        public static let taxMismatch = Code("tax-mismatch")
        /// The PDF's structure (cross-reference, objects, streams) cannot be parsed.
        public static let malformedPDF = Code("malformed-pdf")
        /// The PDF is encrypted; its attachments cannot be read.
        public static let encryptedPDF = Code("encrypted-pdf")
        /// The PDF uses a stream filter this reader does not decode.
        public static let unsupportedPDFFilter = Code("unsupported-pdf-filter")
        /// The PDF has no embedded XML invoice: a plain PDF, not a hybrid e-invoice.
        public static let noEmbeddedInvoice = Code("no-embedded-invoice")
        /// The document exceeds a limit of ``EInvoiceReader/Limits``.
        public static let limitExceeded = Code("limit-exceeded")

        public var description: String { rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// The business term concerned, e.g. `BT-1`, `BT-112` or `BG-23`; `nil` if the error is not about one.
    public var field: String?
    /// The EN 16931 business rule that failed, e.g. `BR-CO-15`; `nil` if none.
    public var rule: String?
    /// A sentence for people: no document content, no amounts.
    public var detail: String

    /// Creates an error.
    public init(_ code: Code, field: String? = nil, rule: String? = nil, detail: String) {
        self.code = code
        self.field = field
        self.rule = rule
        self.detail = detail
    }

    public var description: String {
        var context = ""
        if let field { context += " \(field)" }
        if let rule { context += " \(rule)" }
        return "EInvoiceError(\(code)\(context)): \(detail)"
    }
}
