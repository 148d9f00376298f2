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

/// The machine values of an XRechnung invoice, written as UBL 2.1 by ``XRechnungWriter``.
///
/// Amounts are already computed (lexoffice's line amounts, tax amounts and totals); the writer prints them with two
/// decimals and never recomputes them. Dates are `yyyy-MM-dd`. Text lines have no place in an e-invoice: leave
/// them out of ``lines``.
struct XRechnungData: Sendable {
    /// The seller (BG-4) with the contact data XRechnung requires (BR-DE-2 … BR-DE-7).
    struct Seller: Sendable {
        var name: String
        var street: String
        var zip: String
        var city: String
        /// ISO 3166-1 alpha-2, e.g. `DE`.
        var countryCode: String
        /// The VAT id (`DE123456789`); XRechnung needs it or ``taxNumber``.
        var vatID: String?
        /// The German tax number (Steuernummer), written with tax scheme `FC`.
        var taxNumber: String?
        /// The contact person; the company name is used when `nil`.
        var contactName: String?
        /// The contact e-mail; also the seller's electronic address (scheme `EM`).
        var email: String
        var phone: String

        init(
            name: String,
            street: String,
            zip: String,
            city: String,
            countryCode: String,
            vatID: String? = nil,
            taxNumber: String? = nil,
            contactName: String? = nil,
            email: String,
            phone: String
        ) {
            self.name = name
            self.street = street
            self.zip = zip
            self.city = city
            self.countryCode = countryCode
            self.vatID = vatID
            self.taxNumber = taxNumber
            self.contactName = contactName
            self.email = email
            self.phone = phone
        }
    }

    /// The buyer (BG-7).
    struct Buyer: Sendable {
        var name: String
        var street: String?
        var zip: String
        var city: String
        /// ISO 3166-1 alpha-2, e.g. `DE`.
        var countryCode: String
        /// The buyer's electronic address (scheme `EM`); without it the Leitweg-ID is used (scheme `0204`).
        var email: String?

        init(name: String, street: String?, zip: String, city: String, countryCode: String, email: String? = nil) {
            self.name = name
            self.street = street
            self.zip = zip
            self.city = city
            self.countryCode = countryCode
            self.email = email
        }
    }

    /// One invoice line (BG-25); lines are numbered in order.
    struct Line: Sendable {
        var name: String
        var description: String?
        var quantity: Decimal
        /// A UN/ECE Rec. 20 code, e.g. from ``XRechnungWriter/unitCode(forUnitName:)``.
        var unitCode: String
        /// The net unit price after the line discount, so that `quantity × netPrice` ≈ `netAmount`.
        var netPrice: Decimal
        var netAmount: Decimal
        /// The VAT rate in percent, e.g. `19`.
        var taxRate: Decimal

        init(
            name: String,
            description: String? = nil,
            quantity: Decimal,
            unitCode: String,
            netPrice: Decimal,
            netAmount: Decimal,
            taxRate: Decimal
        ) {
            self.name = name
            self.description = description
            self.quantity = quantity
            self.unitCode = unitCode
            self.netPrice = netPrice
            self.netAmount = netAmount
            self.taxRate = taxRate
        }
    }

    /// The net amount and tax of one rate (BG-23).
    struct TaxSubtotal: Sendable {
        var taxRate: Decimal
        var taxableAmount: Decimal
        var taxAmount: Decimal

        init(taxRate: Decimal, taxableAmount: Decimal, taxAmount: Decimal) {
            self.taxRate = taxRate
            self.taxableAmount = taxableAmount
            self.taxAmount = taxAmount
        }
    }

    var invoiceNumber: String
    /// `yyyy-MM-dd`.
    var issueDate: String
    /// `yyyy-MM-dd`.
    var dueDate: String?
    /// The date of delivery or service, `yyyy-MM-dd`.
    var deliveryDate: String?
    /// The Leitweg-ID (BT-10), mandatory in XRechnung.
    var buyerReference: String
    /// Free text for the invoice (BT-22), e.g. the introduction.
    var note: String?
    var seller: Seller
    var buyer: Buyer
    var lines: [Line]
    var taxSubtotals: [TaxSubtotal]
    var totalNet: Decimal
    var totalTax: Decimal
    var totalGross: Decimal
    /// The payment terms as text (BT-20), e.g. `Zahlbar innerhalb von 30 Tagen ohne Abzug.`
    var paymentTerms: String?
    /// The seller's IBAN for a SEPA credit transfer (payment means `58`); `nil` writes payment means `1`.
    var iban: String?
    var bic: String?
    /// Why 0 % lines are exempt (e.g. `Kleinunternehmer gemäß § 19 UStG`); with it they are category `E`
    /// (exempt), without it `Z` (zero rated). See ``XRechnungWriter``.
    var zeroRateExemptionReason: String?

    init(
        invoiceNumber: String,
        issueDate: String,
        dueDate: String? = nil,
        deliveryDate: String? = nil,
        buyerReference: String,
        note: String? = nil,
        seller: Seller,
        buyer: Buyer,
        lines: [Line],
        taxSubtotals: [TaxSubtotal],
        totalNet: Decimal,
        totalTax: Decimal,
        totalGross: Decimal,
        paymentTerms: String? = nil,
        iban: String? = nil,
        bic: String? = nil,
        zeroRateExemptionReason: String? = nil
    ) {
        self.invoiceNumber = invoiceNumber
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.deliveryDate = deliveryDate
        self.buyerReference = buyerReference
        self.note = note
        self.seller = seller
        self.buyer = buyer
        self.lines = lines
        self.taxSubtotals = taxSubtotals
        self.totalNet = totalNet
        self.totalTax = totalTax
        self.totalGross = totalGross
        self.paymentTerms = paymentTerms
        self.iban = iban
        self.bic = bic
        self.zeroRateExemptionReason = zeroRateExemptionReason
    }
}
