import Foundation

/// Maps an OASIS UBL 2.1 `Invoice` or `CreditNote` to an ``EInvoice``.
struct UBLMapper {
    static let invoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    static let creditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    static let cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    static let cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    private var cbc: String { Self.cbc }
    private var cac: String { Self.cac }

    let syntax: EInvoiceSyntax
    private var isCreditNote: Bool { syntax == .ublCreditNote }

    func map(_ root: XMLElementNode, pdfAttachmentName: String?) throws(EInvoiceError) -> EInvoice {
        let number = try ElementReader.requiredText(root.child(cbc, "ID"), "BT-1", "invoice number")
        let typeCode = try ElementReader.requiredText(
            root.child(cbc, isCreditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode"),
            "BT-3",
            "invoice type code"
        )
        guard let issueDate = try ElementReader.date(root.child(cbc, "IssueDate"), "BT-2") else {
            throw EInvoiceError(.missingField, field: "BT-2", detail: "The issue date (BT-2) is missing.")
        }
        let currency = try ElementReader.requiredText(
            root.child(cbc, "DocumentCurrencyCode"),
            "BT-5",
            "invoice currency"
        )
        let seller = try party(
            root.child(cac, "AccountingSupplierParty")?.child(cac, "Party"),
            field: "BT-27",
            what: "seller name"
        )
        let buyer = try party(
            root.child(cac, "AccountingCustomerParty")?.child(cac, "Party"),
            field: "BT-44",
            what: "buyer name"
        )
        return EInvoice(
            number: number,
            typeCode: InvoiceTypeCode(typeCode),
            issueDate: issueDate,
            dueDate: try dueDate(root),
            currency: currency,
            buyerReference: ElementReader.text(root.child(cbc, "BuyerReference")),
            seller: seller,
            buyer: buyer,
            lines: try lines(root),
            allowancesAndCharges: try allowancesAndCharges(root),
            taxBreakdown: try taxBreakdown(root),
            totals: try totals(root, currency: currency),
            source: EInvoiceSource(
                syntax: syntax,
                pdfAttachmentName: pdfAttachmentName,
                specificationID: ElementReader.text(root.child(cbc, "CustomizationID"))
            ),
            deliveryDate: try ElementReader.date(
                root.child(cac, "Delivery")?.child(cbc, "ActualDeliveryDate"),
                "BT-72"
            ),
            invoicingPeriod: InvoicingPeriod(
                start: try ElementReader.date(root.child(cac, "InvoicePeriod")?.child(cbc, "StartDate"), "BT-73"),
                end: try ElementReader.date(root.child(cac, "InvoicePeriod")?.child(cbc, "EndDate"), "BT-74")
            )
        )
    }

    /// BT-9: `cbc:DueDate` on an invoice; a credit note carries it in the payment means, some writers in the
    /// payment terms.
    private func dueDate(_ root: XMLElementNode) throws(EInvoiceError) -> CalendarDate? {
        if let date = try ElementReader.date(root.child(cbc, "DueDate"), "BT-9") { return date }
        for holder in root.children(cac, "PaymentMeans") + root.children(cac, "PaymentTerms") {
            if let date = try ElementReader.date(holder.child(cbc, "PaymentDueDate"), "BT-9") { return date }
        }
        return nil
    }

    private func party(
        _ element: XMLElementNode?,
        field: String,
        what: String
    ) throws(EInvoiceError)
        -> InvoiceParty
    {
        let name = try ElementReader.requiredText(
            element?.child(cac, "PartyLegalEntity")?.child(cbc, "RegistrationName")
                ?? element?.child(cac, "PartyName")?.child(cbc, "Name"),
            field,
            what
        )
        var party = InvoiceParty(name: name)
        for scheme in element?.children(cac, "PartyTaxScheme") ?? [] {
            guard let value = ElementReader.text(scheme.child(cbc, "CompanyID")) else { continue }
            if scheme.child(cac, "TaxScheme")?.child(cbc, "ID")?.text == "VAT" {
                party.vatID = party.vatID ?? value
            } else {
                party.taxNumber = party.taxNumber ?? value
            }
        }
        if let address = element?.child(cac, "PostalAddress") {
            let lines =
                [
                    ElementReader.text(address.child(cbc, "StreetName")),
                    ElementReader.text(address.child(cbc, "AdditionalStreetName")),
                ]
                + address.children(cac, "AddressLine").map { ElementReader.text($0.child(cbc, "Line")) }
            party.address = PostalAddress(
                lines: lines.compactMap(\.self),
                city: ElementReader.text(address.child(cbc, "CityName")),
                postCode: ElementReader.text(address.child(cbc, "PostalZone")),
                countrySubdivision: ElementReader.text(address.child(cbc, "CountrySubentity")),
                countryCode: ElementReader.text(address.child(cac, "Country")?.child(cbc, "IdentificationCode"))
            )
        }
        return party
    }

    private func lines(_ root: XMLElementNode) throws(EInvoiceError) -> [InvoiceLine] {
        var lines: [InvoiceLine] = []
        for line in root.children(cac, isCreditNote ? "CreditNoteLine" : "InvoiceLine") {
            let tax = line.child(cac, "Item")?.child(cac, "ClassifiedTaxCategory")
            lines.append(
                InvoiceLine(
                    id: try ElementReader.requiredText(line.child(cbc, "ID"), "BT-126", "line identifier"),
                    name: ElementReader.text(line.child(cac, "Item")?.child(cbc, "Name")),
                    netAmount: try ElementReader.requiredAmount(
                        line.child(cbc, "LineExtensionAmount"),
                        "BT-131",
                        "line net amount"
                    ),
                    taxCategory: ElementReader.text(tax?.child(cbc, "ID")).map(TaxCategory.init),
                    taxRate: try ElementReader.amount(tax?.child(cbc, "Percent"), "BT-152")
                )
            )
        }
        return lines
    }

    private func allowancesAndCharges(_ root: XMLElementNode) throws(EInvoiceError) -> [AllowanceCharge] {
        var result: [AllowanceCharge] = []
        for element in root.children(cac, "AllowanceCharge") {
            let tax = element.child(cac, "TaxCategory")
            result.append(
                try AllowanceChargeElements(
                    indicator: element.child(cbc, "ChargeIndicator")?.text,
                    amount: element.child(cbc, "Amount"),
                    baseAmount: element.child(cbc, "BaseAmount"),
                    percentage: element.child(cbc, "MultiplierFactorNumeric"),
                    taxCategory: tax?.child(cbc, "ID"),
                    taxRate: tax?.child(cbc, "Percent"),
                    reason: element.child(cbc, "AllowanceChargeReason"),
                    reasonCode: element.child(cbc, "AllowanceChargeReasonCode")
                )
                .read()
            )
        }
        return result
    }

    private func taxBreakdown(_ root: XMLElementNode) throws(EInvoiceError) -> [TaxSubtotal] {
        var result: [TaxSubtotal] = []
        for subtotal in root.children(cac, "TaxTotal").flatMap({ $0.children(cac, "TaxSubtotal") }) {
            let category = subtotal.child(cac, "TaxCategory")
            result.append(
                TaxSubtotal(
                    category: TaxCategory(
                        try ElementReader.requiredText(category?.child(cbc, "ID"), "BT-118", "VAT category code")
                    ),
                    rate: try ElementReader.amount(category?.child(cbc, "Percent"), "BT-119"),
                    taxableAmount: try ElementReader.requiredAmount(
                        subtotal.child(cbc, "TaxableAmount"),
                        "BT-116",
                        "VAT category taxable amount"
                    ),
                    taxAmount: try ElementReader.requiredAmount(
                        subtotal.child(cbc, "TaxAmount"),
                        "BT-117",
                        "VAT category tax amount"
                    ),
                    exemptionReason: ElementReader.text(category?.child(cbc, "TaxExemptionReason")),
                    exemptionReasonCode: ElementReader.text(category?.child(cbc, "TaxExemptionReasonCode"))
                )
            )
        }
        return result
    }

    private func totals(_ root: XMLElementNode, currency: String) throws(EInvoiceError) -> MonetaryTotals {
        guard let total = root.child(cac, "LegalMonetaryTotal") else {
            throw EInvoiceError(.missingField, field: "BG-22", detail: "The document totals (BG-22) are missing.")
        }
        func optional(_ name: String, _ field: String) throws(EInvoiceError) -> Decimal {
            try ElementReader.amount(total.child(cbc, name), field) ?? 0
        }
        let taxAmounts = root.children(cac, "TaxTotal").compactMap { $0.child(cbc, "TaxAmount") }
        return MonetaryTotals(
            lineNetTotal: try ElementReader.requiredAmount(
                total.child(cbc, "LineExtensionAmount"),
                "BT-106",
                "sum of line net amounts"
            ),
            allowanceTotal: try optional("AllowanceTotalAmount", "BT-107"),
            chargeTotal: try optional("ChargeTotalAmount", "BT-108"),
            taxExclusiveTotal: try ElementReader.requiredAmount(
                total.child(cbc, "TaxExclusiveAmount"),
                "BT-109",
                "total without VAT"
            ),
            taxTotal: try ElementReader.amount(ElementReader.inCurrency(taxAmounts, currency), "BT-110") ?? 0,
            taxInclusiveTotal: try ElementReader.requiredAmount(
                total.child(cbc, "TaxInclusiveAmount"),
                "BT-112",
                "total with VAT"
            ),
            prepaidAmount: try optional("PrepaidAmount", "BT-113"),
            roundingAmount: try optional("PayableRoundingAmount", "BT-114"),
            thirdPartyPaymentTotal: try thirdPartyPaymentTotal(root),
            amountDue: try ElementReader.requiredAmount(
                total.child(cbc, "PayableAmount"),
                "BT-115",
                "amount due for payment"
            )
        )
    }

    /// Σ BT-DEX-002: the XRechnung extension (and only it) carries third party payments (BG-DEX-09) in
    /// `cac:PrepaidPayment`, which BR-DEX-09 adds to the amount due.
    private func thirdPartyPaymentTotal(_ root: XMLElementNode) throws(EInvoiceError) -> Decimal {
        guard ElementReader.text(root.child(cbc, "CustomizationID"))?.contains(Self.xrechnungExtension) == true else {
            return 0
        }
        var total = Decimal(0)
        for payment in root.children(cac, "PrepaidPayment") {
            total += try ElementReader.amount(payment.child(cbc, "PaidAmount"), "BT-DEX-002") ?? 0
        }
        return total
    }

    /// What the specification identifier (BT-24) of an XRechnung extension invoice contains.
    static let xrechnungExtension = "#conformant#urn:xeinkauf.de:kosit:extension:xrechnung"
}
