import Foundation

/// Maps a Cross Industry Invoice (D16B or ZUGFeRD 1.0, see ``CIIDialect``) to an ``EInvoice``.
struct CIIMapper {
    let dialect: CIIDialect
    private var ram: String { dialect.ram }

    func map(_ root: XMLElementNode, pdfAttachmentName: String?) throws(EInvoiceError) -> EInvoice {
        let header = root.child(dialect.rootNamespace, dialect.header)
        let transaction = root.child(dialect.rootNamespace, dialect.transaction)
        let agreement = transaction?.child(ram, dialect.agreement)
        let settlement = transaction?.child(ram, dialect.settlement)
        let number = try ElementReader.requiredText(header?.child(ram, "ID"), "BT-1", "invoice number")
        let typeCode = try ElementReader.requiredText(header?.child(ram, "TypeCode"), "BT-3", "invoice type code")
        let issueDate = try requiredDate(header?.child(ram, "IssueDateTime"), "BT-2", "issue date")
        let currency = try ElementReader.requiredText(
            settlement?.child(ram, "InvoiceCurrencyCode"),
            "BT-5",
            "invoice currency"
        )
        let seller = try party(agreement?.child(ram, "SellerTradeParty"), field: "BT-27", what: "seller name")
        let buyer = try party(agreement?.child(ram, "BuyerTradeParty"), field: "BT-44", what: "buyer name")
        let specification = root.child(dialect.rootNamespace, dialect.context)?
            .path(ram, "GuidelineSpecifiedDocumentContextParameter", "ID")
        return EInvoice(
            number: number,
            typeCode: InvoiceTypeCode(typeCode),
            issueDate: issueDate,
            dueDate: try dueDate(settlement),
            currency: currency,
            buyerReference: ElementReader.text(agreement?.child(ram, "BuyerReference")),
            seller: seller,
            buyer: buyer,
            lines: try lines(transaction),
            allowancesAndCharges: try allowancesAndCharges(settlement),
            taxBreakdown: try taxBreakdown(settlement),
            totals: try totals(settlement?.child(ram, dialect.summation), currency: currency),
            source: EInvoiceSource(
                syntax: dialect.syntax,
                pdfAttachmentName: pdfAttachmentName,
                specificationID: ElementReader.text(specification)
            ),
            deliveryDate: try date(
                transaction?.path(ram, dialect.delivery, "ActualDeliverySupplyChainEvent", "OccurrenceDateTime"),
                "BT-72"
            ),
            invoicingPeriod: InvoicingPeriod(
                start: try date(settlement?.path(ram, "BillingSpecifiedPeriod", "StartDateTime"), "BT-73"),
                end: try date(settlement?.path(ram, "BillingSpecifiedPeriod", "EndDateTime"), "BT-74")
            )
        )
    }

    // MARK: Dates

    /// A date in format 102 (`YYYYMMDD`). ZUGFeRD 1.0 also allows a month (610, `YYYYMM`) or a week (616,
    /// `YYYYWW`) for delivery and billing periods; those name no single day and read as absent.
    private func date(_ element: XMLElementNode?, _ field: String) throws(EInvoiceError) -> CalendarDate? {
        let text = element?.child(dialect.udt, "DateTimeString")
        if let format = text?.attributes["format"], Self.nonDayFormats.contains(format) { return nil }
        return try ElementReader.date(text, field)
    }

    private static let nonDayFormats: Set<String> = ["610", "616"]

    private func requiredDate(
        _ element: XMLElementNode?,
        _ field: String,
        _ what: String
    ) throws(EInvoiceError)
        -> CalendarDate
    {
        guard let date = try date(element, field) else {
            throw EInvoiceError(.missingField, field: field, detail: "The \(what) (\(field)) is missing.")
        }
        return date
    }

    /// BT-9 lives in the payment terms in CII; the first terms with a due date give it.
    private func dueDate(_ settlement: XMLElementNode?) throws(EInvoiceError) -> CalendarDate? {
        for terms in settlement?.children(ram, "SpecifiedTradePaymentTerms") ?? [] {
            if let date = try date(terms.child(ram, "DueDateDateTime"), "BT-9") { return date }
        }
        return nil
    }

    // MARK: Parties

    private func party(
        _ element: XMLElementNode?,
        field: String,
        what: String
    ) throws(EInvoiceError)
        -> InvoiceParty
    {
        let name = try ElementReader.requiredText(
            element?.child(ram, "Name") ?? element?.path(ram, "SpecifiedLegalOrganization", "TradingBusinessName"),
            field,
            what
        )
        var party = InvoiceParty(name: name)
        for registration in element?.children(ram, "SpecifiedTaxRegistration") ?? [] {
            guard let id = registration.child(ram, "ID"), let value = id.nonEmptyText else { continue }
            switch id.attributes["schemeID"] {
            case "VA": party.vatID = party.vatID ?? value
            case "FC": party.taxNumber = party.taxNumber ?? value
            default: continue
            }
        }
        if let address = element?.child(ram, "PostalTradeAddress") {
            party.address = PostalAddress(
                lines: ["LineOne", "LineTwo", "LineThree"].compactMap { ElementReader.text(address.child(ram, $0)) },
                city: ElementReader.text(address.child(ram, "CityName")),
                postCode: ElementReader.text(address.child(ram, "PostcodeCode")),
                countrySubdivision: ElementReader.text(address.child(ram, "CountrySubDivisionName")),
                countryCode: ElementReader.text(address.child(ram, "CountryID"))
            )
        }
        return party
    }

    // MARK: Lines, allowances, charges, tax

    private func lines(_ transaction: XMLElementNode?) throws(EInvoiceError) -> [InvoiceLine] {
        var lines: [InvoiceLine] = []
        for item in transaction?.children(ram, "IncludedSupplyChainTradeLineItem") ?? [] {
            // Sub-lines (XRechnung, ZUGFeRD EXTENDED) are part of their parent line's amount, and information
            // lines carry none: only top-level lines count (BR-CO-10).
            let document = item.child(ram, "AssociatedDocumentLineDocument")
            if document?.child(ram, "ParentLineID") != nil
                || document?.child(ram, "LineStatusReasonCode")?.text == "INFORMATION"
            {
                continue
            }
            let settlement = item.child(ram, dialect.lineSettlement)
            let tax = settlement?.child(ram, "ApplicableTradeTax")
            let amount = settlement?.path(ram, dialect.lineSummation, "LineTotalAmount")
            if isFreeTextLine(item, amount: amount) { continue }
            lines.append(
                InvoiceLine(
                    id: try lineID(item),
                    name: ElementReader.text(item.path(ram, "SpecifiedTradeProduct", "Name")),
                    netAmount: try ElementReader.requiredAmount(amount, "BT-131", "line net amount"),
                    taxCategory: ElementReader.text(tax?.child(ram, "CategoryCode")).map(TaxCategory.init),
                    taxRate: try ElementReader.amount(tax?.child(ram, dialect.rate), "BT-152")
                )
            )
        }
        return lines
    }

    /// A ZUGFeRD 1.0 free-text line: a line item with a note but neither a product nor an amount, which the 1.0
    /// schema allows for text between the positions (D16B marks such lines `INFORMATION` instead).
    private func isFreeTextLine(_ item: XMLElementNode, amount: XMLElementNode?) -> Bool {
        dialect.syntax == .zugferd1 && amount == nil && item.child(ram, "SpecifiedTradeProduct") == nil
    }

    /// BT-126, which EN 16931 requires but ZUGFeRD 1.0 BASIC leaves out.
    private func lineID(_ item: XMLElementNode) throws(EInvoiceError) -> String? {
        let element = item.path(ram, "AssociatedDocumentLineDocument", "LineID")
        guard dialect.syntax == .zugferd1 else {
            return try ElementReader.requiredText(element, "BT-126", "line identifier")
        }
        return ElementReader.text(element)
    }

    private func allowancesAndCharges(_ settlement: XMLElementNode?) throws(EInvoiceError) -> [AllowanceCharge] {
        var result: [AllowanceCharge] = []
        for element in settlement?.children(ram, "SpecifiedTradeAllowanceCharge") ?? [] {
            let tax = element.child(ram, "CategoryTradeTax")
            result.append(
                try AllowanceChargeElements(
                    indicator: element.child(ram, "ChargeIndicator")?.child(dialect.udt, "Indicator")?.text,
                    amount: element.child(ram, "ActualAmount"),
                    baseAmount: element.child(ram, "BasisAmount"),
                    percentage: element.child(ram, "CalculationPercent"),
                    taxCategory: tax?.child(ram, "CategoryCode"),
                    taxRate: tax?.child(ram, dialect.rate),
                    reason: element.child(ram, "Reason"),
                    reasonCode: element.child(ram, "ReasonCode")
                )
                .read()
            )
        }
        // ZUGFeRD 1.0 and ZUGFeRD 2.x EXTENDED state freight and other logistics costs apart from the allowances
        // and charges; they are document-level charges all the same, counted in BT-108 and their category's base.
        for element in settlement?.children(ram, "SpecifiedLogisticsServiceCharge") ?? [] {
            let tax = element.child(ram, "AppliedTradeTax")
            result.append(
                try AllowanceChargeElements(
                    indicator: "true",
                    amount: element.child(ram, "AppliedAmount"),
                    taxCategory: tax?.child(ram, "CategoryCode"),
                    taxRate: tax?.child(ram, dialect.rate),
                    reason: element.child(ram, "Description")
                )
                .read()
            )
        }
        return result
    }

    private func taxBreakdown(_ settlement: XMLElementNode?) throws(EInvoiceError) -> [TaxSubtotal] {
        var result: [TaxSubtotal] = []
        for tax in settlement?.children(ram, "ApplicableTradeTax") ?? [] {
            let rate = try ElementReader.amount(tax.child(ram, dialect.rate), "BT-119")
            result.append(
                TaxSubtotal(
                    category: try category(tax, rate: rate),
                    rate: rate,
                    taxableAmount: try ElementReader.requiredAmount(
                        tax.child(ram, "BasisAmount"),
                        "BT-116",
                        "VAT category taxable amount"
                    ),
                    taxAmount: try ElementReader.requiredAmount(
                        tax.child(ram, "CalculatedAmount"),
                        "BT-117",
                        "VAT category tax amount"
                    ),
                    exemptionReason: ElementReader.text(tax.child(ram, "ExemptionReason")),
                    exemptionReasonCode: ElementReader.text(tax.child(ram, "ExemptionReasonCode"))
                )
            )
        }
        return result
    }

    /// BT-118. ZUGFeRD 1.0 BASIC may leave it out; a positive rate then can only be the standard rate (S), while
    /// a zero rate could be any of several categories and is refused.
    private func category(_ tax: XMLElementNode, rate: Decimal?) throws(EInvoiceError) -> TaxCategory {
        if dialect.syntax == .zugferd1, tax.child(ram, "CategoryCode") == nil, let rate, rate > 0 {
            return .standard
        }
        return TaxCategory(
            try ElementReader.requiredText(tax.child(ram, "CategoryCode"), "BT-118", "VAT category code")
        )
    }

    // MARK: Totals

    private func totals(_ summation: XMLElementNode?, currency: String) throws(EInvoiceError) -> MonetaryTotals {
        guard let summation else {
            throw EInvoiceError(.missingField, field: "BG-22", detail: "The document totals (BG-22) are missing.")
        }
        func optional(_ name: String, _ field: String) throws(EInvoiceError) -> Decimal {
            try ElementReader.amount(summation.child(ram, name), field) ?? 0
        }
        let grandTotal = try ElementReader.requiredAmount(
            summation.child(ram, "GrandTotalAmount"),
            "BT-112",
            "total with VAT"
        )
        let prepaid = try optional("TotalPrepaidAmount", "BT-113")
        let rounding = try optional("RoundingAmount", "BT-114")
        let amountDue: Decimal
        if dialect.syntax == .zugferd1, summation.child(ram, "DuePayableAmount") == nil {
            amountDue = grandTotal - prepaid + rounding  // optional in ZUGFeRD 1.0; BR-CO-16 defines it
        } else {
            amountDue = try ElementReader.requiredAmount(
                summation.child(ram, "DuePayableAmount"),
                "BT-115",
                "amount due for payment"
            )
        }
        return MonetaryTotals(
            lineNetTotal: try ElementReader.requiredAmount(
                summation.child(ram, "LineTotalAmount"),
                "BT-106",
                "sum of line net amounts"
            ),
            allowanceTotal: try optional("AllowanceTotalAmount", "BT-107"),
            chargeTotal: try optional("ChargeTotalAmount", "BT-108"),
            taxExclusiveTotal: try ElementReader.requiredAmount(
                summation.child(ram, "TaxBasisTotalAmount"),
                "BT-109",
                "total without VAT"
            ),
            taxTotal: try ElementReader.amount(
                ElementReader.inCurrency(summation.children(ram, "TaxTotalAmount"), currency),
                "BT-110"
            ) ?? 0,
            taxInclusiveTotal: grandTotal,
            prepaidAmount: prepaid,
            roundingAmount: rounding,
            amountDue: amountDue
        )
    }
}
