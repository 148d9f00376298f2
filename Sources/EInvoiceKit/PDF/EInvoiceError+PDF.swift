extension EInvoiceError {
    /// The error of a PDF whose structure cannot be parsed.
    static func malformedPDF(_ detail: String) -> EInvoiceError {
        EInvoiceError(.malformedPDF, detail: detail)
    }
}
