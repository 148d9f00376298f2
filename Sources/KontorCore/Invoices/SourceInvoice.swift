import Foundation

/// An invoice as a source application sends it to the hub (`PUT /api/v1/tenants/{t}/invoices/{sourceId}`).
///
/// The JSON members are the property names. Optional members may be absent or `null`; encoding omits them when
/// `nil`. Decoding fails only when a required member is missing or a member has the wrong JSON type (see
/// ``SourceInvoiceIssue/init(_:)``); every other rule, including the values of ``date``, ``taxType`` and
/// ``status``, is checked by ``validationIssues(sourceID:)`` so that one answer lists all problems.
///
/// Cancellations: an invoice voided at the source has status `cancelled` and no ``cancels``. A cancellation
/// document (Storno) is a separate invoice with status `finalized` and ``cancels`` set to the original's source
/// id; it becomes a lexoffice credit note.
package struct SourceInvoice: Sendable, Codable, Equatable {
    /// The source's invoice number, 1–64 characters, for example `R-2026-0042`.
    package var number: String
    /// The invoice date as `YYYY-MM-DD`; see ``invoiceDate``.
    package var date: String
    /// The payment due date as `YYYY-MM-DD`, not before ``date``; exclusive with ``paymentTermDays``.
    package var dueDate: String?
    /// Days from the invoice date until payment is due, 0–365; exclusive with ``dueDate``.
    package var paymentTermDays: Int?
    /// How the invoice is taxed: a raw value of ``SourceTaxType``; see ``knownTaxType``.
    package var taxType: String
    /// Where the invoice stands at the source: a raw value of ``SourceInvoiceStatus``; see ``knownStatus``.
    package var status: String
    /// The source id (1–128 characters) of the invoice this one cancels; see the type's discussion.
    package var cancels: String?
    /// The document title, for example `Rechnung`; at most 25 characters (lexoffice's limit).
    package var title: String?
    /// Text printed above the line items; at most 2000 characters (lexoffice's limit).
    package var introduction: String?
    /// Text printed below the line items; at most 2000 characters (lexoffice's limit).
    package var remark: String?
    /// The currency; absent means `EUR`, the only currency lexoffice supports.
    package var currency: String?
    /// The recipient.
    package var customer: SourceCustomer
    /// The lines, 1–300 (lexoffice's limit), in print order.
    package var lineItems: [SourceLineItem]
    /// A discount on the whole invoice in percent, 0–100, at most 2 decimal places; applied to the net total, or
    /// to the gross total with tax type gross.
    package var totalDiscountPercent: Decimal?
    /// The source's own PDF of the invoice, base64-encoded (without line breaks), at most 5 MiB decoded; used
    /// when the tenant transfers invoices as bookkeeping vouchers. See ``decodedPDF()``.
    package var pdf: String?
    /// The source's own totals, compared with lexoffice's once the invoice is transferred.
    package var totals: SourceTotals?
    /// Whether the source considers the invoice paid: a raw value of ``SourcePaymentStatus``; see
    /// ``knownPaymentStatus``. Not part of what is sent to lexoffice, so it may change at any time.
    package var paymentStatus: String?

    /// An invoice.
    package init(
        number: String,
        date: String,
        dueDate: String? = nil,
        paymentTermDays: Int? = nil,
        taxType: String,
        status: String,
        cancels: String? = nil,
        title: String? = nil,
        introduction: String? = nil,
        remark: String? = nil,
        currency: String? = nil,
        customer: SourceCustomer,
        lineItems: [SourceLineItem],
        totalDiscountPercent: Decimal? = nil,
        pdf: String? = nil,
        totals: SourceTotals? = nil,
        paymentStatus: String? = nil
    ) {
        self.number = number
        self.date = date
        self.dueDate = dueDate
        self.paymentTermDays = paymentTermDays
        self.taxType = taxType
        self.status = status
        self.cancels = cancels
        self.title = title
        self.introduction = introduction
        self.remark = remark
        self.currency = currency
        self.customer = customer
        self.lineItems = lineItems
        self.totalDiscountPercent = totalDiscountPercent
        self.pdf = pdf
        self.totals = totals
        self.paymentStatus = paymentStatus
    }

    /// The invoice date, or `nil` when ``date`` is not a calendar date in the form `YYYY-MM-DD`.
    package var invoiceDate: SourceDate? { SourceDate(date) }

    /// The payment due date, or `nil` when ``dueDate`` is absent or not a calendar date in the form `YYYY-MM-DD`.
    package var paymentDueDate: SourceDate? { dueDate.flatMap(SourceDate.init) }

    /// The tax type, or `nil` when ``taxType`` is not one of lexoffice's values.
    package var knownTaxType: SourceTaxType? { SourceTaxType(rawValue: taxType) }

    /// The status, or `nil` when ``status`` is not one of the documented values.
    package var knownStatus: SourceInvoiceStatus? { SourceInvoiceStatus(rawValue: status) }

    /// The payment status, or `nil` when ``paymentStatus`` is absent or not one of the documented values.
    package var knownPaymentStatus: SourcePaymentStatus? { paymentStatus.flatMap(SourcePaymentStatus.init(rawValue:)) }

    /// The invoice as it is transferred and fingerprinted: without ``paymentStatus``, which may change afterwards.
    package var transferredContent: SourceInvoice {
        var content = self
        content.paymentStatus = nil
        return content
    }

    /// The PDF's bytes, or `nil` when ``pdf`` is absent or not valid base64.
    ///
    /// Decodes on every call and keeps no copy: call it once, when the file is uploaded.
    package func decodedPDF() -> Data? {
        pdf.flatMap { Data(base64Encoded: $0) }
    }
}
