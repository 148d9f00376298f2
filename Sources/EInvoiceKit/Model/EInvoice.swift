import Foundation

/// A structured invoice read from an EN 16931 document (XRechnung, ZUGFeRD, Factur-X), already validated.
///
/// Money is `Decimal` in the invoice currency (``currency``), as written in the document. The business term of each
/// property (`BT-…`) refers to EN 16931-1.
public struct EInvoice: Hashable, Sendable {
    /// The invoice number (BT-1).
    public var number: String
    /// The document type (BT-3): invoice, credit note, correction or another UNTDID 1001 code.
    public var typeCode: InvoiceTypeCode
    /// The issue date (BT-2).
    public var issueDate: CalendarDate
    /// The payment due date (BT-9), when the document states one.
    public var dueDate: CalendarDate?
    /// The invoice currency (BT-5), an ISO 4217 code such as `EUR`.
    public var currency: String
    /// The buyer reference (BT-10), e.g. the Leitweg-ID of a German public buyer.
    public var buyerReference: String?
    /// The seller (BG-4).
    public var seller: InvoiceParty
    /// The buyer (BG-7).
    public var buyer: InvoiceParty
    /// The top-level invoice lines (BG-25), reduced to what the totals are checked against; sub-lines and
    /// information lines are left out. Empty for Factur-X BASIC WL, which carries no lines.
    public var lines: [InvoiceLine]
    /// Document-level allowances (BG-20) and charges (BG-21), in document order.
    public var allowancesAndCharges: [AllowanceCharge]
    /// The VAT breakdown (BG-23): one entry per category and rate.
    public var taxBreakdown: [TaxSubtotal]
    /// The document totals (BG-22).
    public var totals: MonetaryTotals
    /// The syntax and container the invoice was read from.
    public var source: EInvoiceSource
    /// The actual delivery date (BT-72), when the document states one.
    public var deliveryDate: CalendarDate?
    /// The invoicing period (BG-14), when the document states one.
    public var invoicingPeriod: InvoicingPeriod?

    /// Creates an invoice from its parts; ``EInvoiceReader`` is the usual way to get one.
    public init(
        number: String,
        typeCode: InvoiceTypeCode,
        issueDate: CalendarDate,
        dueDate: CalendarDate?,
        currency: String,
        buyerReference: String?,
        seller: InvoiceParty,
        buyer: InvoiceParty,
        lines: [InvoiceLine],
        allowancesAndCharges: [AllowanceCharge],
        taxBreakdown: [TaxSubtotal],
        totals: MonetaryTotals,
        source: EInvoiceSource,
        deliveryDate: CalendarDate? = nil,
        invoicingPeriod: InvoicingPeriod? = nil
    ) {
        self.number = number
        self.typeCode = typeCode
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.currency = currency
        self.buyerReference = buyerReference
        self.seller = seller
        self.buyer = buyer
        self.lines = lines
        self.allowancesAndCharges = allowancesAndCharges
        self.taxBreakdown = taxBreakdown
        self.totals = totals
        self.source = source
        self.deliveryDate = deliveryDate
        self.invoicingPeriod = invoicingPeriod
    }
}

extension EInvoice {
    /// The document-level allowances (BG-20), which reduce the taxable amount.
    public var allowances: [AllowanceCharge] { allowancesAndCharges.filter { !$0.isCharge } }
    /// The document-level charges (BG-21), which increase the taxable amount.
    public var charges: [AllowanceCharge] { allowancesAndCharges.filter(\.isCharge) }
    /// The day the goods or services were delivered (the German "Leistungsdatum"): the actual delivery date
    /// (BT-72), else the end of the invoicing period (BT-74); `nil` when the document states neither.
    public var performanceDate: CalendarDate? { deliveryDate ?? invoicingPeriod?.end }
}
