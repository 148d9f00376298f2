import Foundation

/// What a printed sales voucher shows, with every value already formatted for print (money, dates, quantities).
///
/// The renderer only places these strings; the caller decides how `1234.5` reads (for German documents
/// `1.234,50 €`). Rendered by ``SalesDocumentPDFRenderer``.
struct RenderedSalesDocument: Sendable {
    /// One row of the line item table.
    struct Line: Sendable {
        /// The position number (`"1"`); `nil` for text lines.
        var position: String?
        var name: String
        var description: String?
        /// `nil` for text lines.
        var quantity: String?
        var unit: String?
        var unitPrice: String?
        /// The line total; `nil` for text lines and for documents without prices (delivery notes).
        var amount: String?

        /// A priced (or, without `unitPrice`/`amount`, a delivered) line item.
        init(
            position: String,
            name: String,
            description: String? = nil,
            quantity: String,
            unit: String,
            unitPrice: String? = nil,
            amount: String? = nil
        ) {
            self.position = position
            self.name = name
            self.description = description
            self.quantity = quantity
            self.unit = unit
            self.unitPrice = unitPrice
            self.amount = amount
        }

        /// A text line: a heading or a note between the items, without quantity or price.
        init(text name: String, description: String? = nil) {
            self.name = name
            self.description = description
        }

        /// Whether this is a text line (it has neither quantity nor amount).
        var isText: Bool { quantity == nil && amount == nil }
    }

    /// The tax of one rate, printed between the net and the gross total.
    struct TaxLine: Sendable {
        /// The rate as printed, e.g. `19 %`.
        var rateLabel: String
        /// The net amount the tax is charged on.
        var net: String
        var tax: String

        init(rateLabel: String, net: String, tax: String) {
            self.rateLabel = rateLabel
            self.net = net
            self.tax = tax
        }
    }

    /// The document's title, e.g. `Rechnung`, `Gutschrift`, `Angebot`.
    var kind: String
    var number: String
    var date: String
    var dueDate: String?
    /// The service or delivery date, or a period (`03.03.2025 – 14.03.2025`).
    var serviceDate: String?
    /// The issuing company: its name first, then its address lines.
    var sender: [String]
    /// The recipient's address block, one entry per printed line.
    var recipient: [String]
    var introduction: String?
    var remark: String?
    var lines: [Line]
    /// One entry per tax rate, in the order to print.
    var taxes: [TaxLine]
    /// `nil` when the document has no totals (delivery notes); each total prints only when present.
    var totalNet: String?
    var totalTax: String?
    var totalGross: String?
    /// The payment terms as printed, e.g. `Zahlbar innerhalb von 14 Tagen ohne Abzug.`
    var paymentTerms: String?

    init(
        kind: String,
        number: String,
        date: String,
        dueDate: String? = nil,
        serviceDate: String? = nil,
        sender: [String],
        recipient: [String],
        introduction: String? = nil,
        remark: String? = nil,
        lines: [Line],
        taxes: [TaxLine] = [],
        totalNet: String? = nil,
        totalTax: String? = nil,
        totalGross: String? = nil,
        paymentTerms: String? = nil
    ) {
        self.kind = kind
        self.number = number
        self.date = date
        self.dueDate = dueDate
        self.serviceDate = serviceDate
        self.sender = sender
        self.recipient = recipient
        self.introduction = introduction
        self.remark = remark
        self.lines = lines
        self.taxes = taxes
        self.totalNet = totalNet
        self.totalTax = totalTax
        self.totalGross = totalGross
        self.paymentTerms = paymentTerms
    }
}
