import Foundation

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
