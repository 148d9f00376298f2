import KontorCore

extension FlowProblem.Code {
    /// The stored invoice cannot be mapped to a lexoffice document (e.g. a rule lexoffice enforces).
    package static let notMappable = Self("invoice-not-mappable")
    /// The voucher variant attaches the source's PDF, and the invoice has none.
    package static let pdfMissing = Self("pdf-missing")
    /// The lexoffice contact the source names does not exist.
    package static let unknownContact = Self("unknown-contact")
    /// The invoice a cancellation cancels is not stored.
    package static let unknownOriginal = Self("unknown-original")
    /// The cancelled invoice is not in lexoffice and will not be (skipped, a draft at the source).
    package static let originalNotSent = Self("original-not-sent")
    /// The cancelled invoice could not be transferred first.
    package static let originalFailed = Self("original-failed")
    /// A step already done was sent with other content than the transfer would send now.
    package static let stepChanged = Self("step-changed")
}

extension FlowProblem {
    /// The lexoffice body `map` makes from a stored invoice; ``Code/notMappable`` when the invoice cannot be mapped.
    static func mapped<Body>(_ map: () throws(SourceInvoiceMappingError) -> Body) throws -> Body {
        do {
            return try map()
        } catch {
            throw FlowProblem(.notMappable, "the invoice cannot be sent to lexoffice: \(error.detail)")
        }
    }
}
