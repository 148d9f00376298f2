import LexofficeKit

/// The per-type facts of a sales voucher endpoint: path, voucherlist type, number prefix and abilities.
struct SalesVoucherKind: Sendable, Hashable {
    /// The path segment, e.g. `invoices`.
    var resource: String
    /// The voucherlist / related-voucher type name.
    var voucherType: VoucherType
    /// The number prefix (`RE`, `GS` …); `nil` for dunnings, which have no number.
    var numberPrefix: String?
    /// The German document name used as default title.
    var title: String
    /// The event type prefix, e.g. `credit-note` for `credit-note.created`.
    var eventPrefix: String
    /// The event type `<prefix>.<action>`, e.g. `invoice.status.changed`.
    func event(_ action: String) -> EventType {
        EventType(rawValue: eventPrefix + "." + action)
    }

    /// Whether the document carries prices and totals (delivery notes do not).
    var hasTotals = true
    /// Whether `finalize=true` creates an `open` document (dunnings stay drafts).
    var canBeFinalized = true
    /// Whether `/file` and `/document` are refused for drafts.
    var needsFinalizedDocument = true

    static let invoice = SalesVoucherKind(
        resource: "invoices",
        voucherType: .invoice,
        numberPrefix: "RE",
        title: "Rechnung",
        eventPrefix: "invoice"
    )
    static let creditNote = SalesVoucherKind(
        resource: "credit-notes",
        voucherType: .creditNote,
        numberPrefix: "GS",
        title: "Gutschrift",
        eventPrefix: "credit-note"
    )
    static let quotation = SalesVoucherKind(
        resource: "quotations",
        voucherType: .quotation,
        numberPrefix: "AG",
        title: "Angebot",
        eventPrefix: "quotation"
    )
    static let orderConfirmation = SalesVoucherKind(
        resource: "order-confirmations",
        voucherType: .orderConfirmation,
        numberPrefix: "AB",
        title: "Auftragsbestätigung",
        eventPrefix: "order-confirmation"
    )
    static let deliveryNote = SalesVoucherKind(
        resource: "delivery-notes",
        voucherType: .deliveryNote,
        numberPrefix: "LS",
        title: "Lieferschein",
        eventPrefix: "delivery-note",
        hasTotals: false
    )
    static let dunning = SalesVoucherKind(
        resource: "dunnings",
        voucherType: "dunning",
        numberPrefix: nil,
        title: "Mahnung",
        eventPrefix: "dunning",
        canBeFinalized: false,
        needsFinalizedDocument: false
    )
    static let downPaymentInvoice = SalesVoucherKind(
        resource: "down-payment-invoices",
        voucherType: .downPaymentInvoice,
        numberPrefix: "RE",
        title: "Abschlagsrechnung",
        eventPrefix: "down-payment-invoice"
    )
}
