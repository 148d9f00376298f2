/// How a tenant's invoices go to lexoffice.
package enum TransferVariant: String, Sendable, Codable, CaseIterable {
    /// As lexoffice invoices: lexoffice numbers them and the number is written back to the source.
    case invoice
    /// As bookkeeping vouchers (`salesinvoice`) with the source's number and PDF.
    case voucher
}

/// A tenant's transfer settings.
package struct TenantSettings: Sendable, Codable, Equatable {
    /// Invoice or bookkeeping voucher.
    package var transferVariant: TransferVariant
    /// In the invoice variant: create invoices finalized (`true`) or as drafts to finish in lexoffice.
    package var finalizeInvoices: Bool
    /// Transfer a finalized invoice as soon as the source saves it (otherwise only by bulk export).
    package var autoTransfer: Bool

    /// Settings; the defaults are the invoice variant, finalized, transferred on save.
    package init(transferVariant: TransferVariant = .invoice, finalizeInvoices: Bool = true, autoTransfer: Bool = true)
    {
        self.transferVariant = transferVariant
        self.finalizeInvoices = finalizeInvoices
        self.autoTransfer = autoTransfer
    }
}
