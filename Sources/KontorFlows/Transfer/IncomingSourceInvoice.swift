import KontorCore

/// A source invoice as received by the hub API, before the store decides what becomes of it.
package struct IncomingSourceInvoice: Sendable, Equatable {
    /// The tenant.
    package var tenantID: TenantID
    /// The source application's id of the invoice.
    package var sourceID: String
    /// The source's invoice number.
    package var number: String
    /// The invoice date, `YYYY-MM-DD`.
    package var invoiceDate: String
    /// `draft`, `finalized` or `cancelled`.
    package var status: String
    /// The source id of the invoice this one cancels.
    package var cancels: String?
    /// The canonical JSON of what is transferred (``SourceInvoice/transferredContent``).
    package var content: String
    /// SHA-256 of the canonical JSON.
    package var fingerprint: String
    /// Whether the source considers it paid (`open`, `paid`); kept beside the content, changeable at any time.
    package var paymentStatus: String?

    /// An incoming invoice.
    package init(
        tenantID: TenantID,
        sourceID: String,
        number: String,
        invoiceDate: String,
        status: String,
        cancels: String?,
        content: String,
        fingerprint: String,
        paymentStatus: String? = nil
    ) {
        self.tenantID = tenantID
        self.sourceID = sourceID
        self.number = number
        self.invoiceDate = invoiceDate
        self.status = status
        self.cancels = cancels
        self.content = content
        self.fingerprint = fingerprint
        self.paymentStatus = paymentStatus
    }
}
