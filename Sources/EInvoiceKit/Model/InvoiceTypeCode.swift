/// The document type (BT-3) as a UNTDID 1001 code; codes this type has no name for are kept as they are.
public struct InvoiceTypeCode: Hashable, Sendable, CustomStringConvertible {
    /// The code as written in the document, e.g. `380`.
    public let rawValue: String

    /// Wraps a UNTDID 1001 code.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A commercial invoice (380).
    public static let invoice = InvoiceTypeCode("380")
    /// A credit note (381).
    public static let creditNote = InvoiceTypeCode("381")
    /// A corrected invoice (384).
    public static let correction = InvoiceTypeCode("384")

    /// Whether the code is one of the credit note codes EN 16931 allows (UNTDID 1001: 81, 83, 261, 262, 296, 308,
    /// 381, 396, 420, 458, 532), which UBL writes as a `CreditNote`.
    public var isCreditNote: Bool {
        ["81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"].contains(rawValue)
    }

    public var description: String { rawValue }
}
