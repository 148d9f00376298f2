import Foundation

/// What a finished transfer produced in lexoffice.
package struct TransferResult: Sendable, Equatable {
    /// The document type: `invoice`, `credit-note`, `salesinvoice` or `salescreditnote`.
    package var documentType: String
    /// The lexoffice document.
    package var lexofficeID: String
    /// Its voucher number: lexoffice's for invoices and credit notes (drafts may not have one), the source's for vouchers.
    package var voucherNumber: String?
    /// The contact's customer number, when the document names a contact.
    package var customerNumber: String?
    /// The document's status in lexoffice (`draft`, `open`, …).
    package var lexofficeStatus: String?
    /// How lexoffice's totals differ from the source's, when they do.
    package var totalsDifference: String?

    /// A result.
    package init(
        documentType: String,
        lexofficeID: String,
        voucherNumber: String?,
        customerNumber: String?,
        lexofficeStatus: String?,
        totalsDifference: String?
    ) {
        self.documentType = documentType
        self.lexofficeID = lexofficeID
        self.voucherNumber = voucherNumber
        self.customerNumber = customerNumber
        self.lexofficeStatus = lexofficeStatus
        self.totalsDifference = totalsDifference
    }
}
