import Foundation

/// Checks that an invoice's amounts reconcile, per the EN 16931 calculation rules.
///
/// Totals must agree to the cent (BR-CO-10…BR-CO-16). A category's tax amount may differ from taxable amount × rate
/// by at most 0.01 (BR-CO-17 leaves the rounding to the seller), and a category's taxable amount must equal its lines
/// plus charges minus allowances (BR-S-08 and the matching rules of the other categories) when the lines state
/// their category. A document without lines (Factur-X BASIC WL) is checked on everything but its lines.
enum InvoiceValidator {
    static let roundingTolerance = Decimal(string: "0.01")!  // a literal the parser always reads

    static func validate(_ invoice: EInvoice) throws(EInvoiceError) {
        // Checked first: without a breakdown (Factur-X MINIMUM) BR-CO-14 would fail too, less to the point.
        guard !invoice.taxBreakdown.isEmpty else {
            throw EInvoiceError(
                .missingField,
                field: "BG-23",
                rule: "BR-CO-18",
                detail: "The VAT breakdown (BG-23) is missing."
            )
        }
        try checkTotals(invoice)
        try checkTaxBreakdown(invoice)
    }

    private static func checkTotals(_ invoice: EInvoice) throws(EInvoiceError) {
        let totals = invoice.totals
        let lineSum = invoice.lines.reduce(Decimal(0)) { $0 + $1.netAmount }
        let allowanceSum = invoice.allowances.reduce(Decimal(0)) { $0 + $1.amount }
        let chargeSum = invoice.charges.reduce(Decimal(0)) { $0 + $1.amount }
        let categoryTaxSum = invoice.taxBreakdown.reduce(Decimal(0)) { $0 + $1.taxAmount }
        let checks: [(rule: String, field: String, stated: Decimal, computed: Decimal, what: String)] = [
            ("BR-CO-10", "BT-106", totals.lineNetTotal, lineSum, "the sum of the line net amounts"),
            ("BR-CO-11", "BT-107", totals.allowanceTotal, allowanceSum, "the sum of the document-level allowances"),
            ("BR-CO-12", "BT-108", totals.chargeTotal, chargeSum, "the sum of the document-level charges"),
            (
                "BR-CO-13", "BT-109", totals.taxExclusiveTotal,
                totals.lineNetTotal - totals.allowanceTotal + totals.chargeTotal, "BT-106 − BT-107 + BT-108"
            ),
            ("BR-CO-14", "BT-110", totals.taxTotal, categoryTaxSum, "the sum of the VAT category tax amounts"),
            (
                "BR-CO-15", "BT-112", totals.taxInclusiveTotal, totals.taxExclusiveTotal + totals.taxTotal,
                "BT-109 + BT-110"
            ),
            totals.thirdPartyPaymentTotal == 0
                ? (
                    "BR-CO-16", "BT-115", totals.amountDue,
                    totals.taxInclusiveTotal - totals.prepaidAmount + totals.roundingAmount,
                    "BT-112 − BT-113 + BT-114"
                )
                : (
                    "BR-DEX-09", "BT-115", totals.amountDue,
                    totals.taxInclusiveTotal - totals.prepaidAmount + totals.roundingAmount
                        + totals.thirdPartyPaymentTotal,
                    "BT-112 − BT-113 + BT-114 + the third party payments (BT-DEX-002)"
                ),
        ]
        // Without lines (Factur-X BASIC WL) BR-CO-10 has nothing to add up.
        for check in checks where check.stated != check.computed && !(check.rule == "BR-CO-10" && invoice.lines.isEmpty)
        {
            throw EInvoiceError(
                .totalsMismatch,
                field: check.field,
                rule: check.rule,
                detail: "\(check.field) differs from \(check.what)."
            )
        }
    }

    private static func checkTaxBreakdown(_ invoice: EInvoice) throws(EInvoiceError) {
        let linesStateTax =
            !invoice.lines.isEmpty
            && invoice.lines.allSatisfy { $0.taxCategory != nil }
            && invoice.allowancesAndCharges.allSatisfy { $0.taxCategory != nil }
        for subtotal in invoice.taxBreakdown {
            let expectedTax = rounded((subtotal.taxableAmount * (subtotal.rate ?? 0)) / 100)
            if abs(expectedTax - subtotal.taxAmount) > roundingTolerance {
                throw EInvoiceError(
                    .taxMismatch,
                    field: "BT-117",
                    rule: "BR-CO-17",
                    detail: "The tax amount of category \(subtotal.category) differs from taxable amount × rate."
                )
            }
            guard linesStateTax else { continue }
            let matches = { (category: TaxCategory?, rate: Decimal?) in
                category == subtotal.category && (rate ?? 0) == (subtotal.rate ?? 0)
            }
            let base =
                invoice.lines.filter { matches($0.taxCategory, $0.taxRate) }.reduce(Decimal(0)) { $0 + $1.netAmount }
                + invoice.allowancesAndCharges.filter { matches($0.taxCategory, $0.taxRate) }.reduce(Decimal(0)) {
                    $0 + ($1.isCharge ? $1.amount : -$1.amount)
                }
            if base != subtotal.taxableAmount {
                throw EInvoiceError(
                    .taxMismatch,
                    field: "BT-116",
                    rule: ruleOfTaxableAmount[subtotal.category],
                    detail:
                        "The taxable amount of category \(subtotal.category) differs from its lines, allowances and charges."
                )
            }
        }
    }

    /// The rule that ties a category's taxable amount to its lines, allowances and charges, per category.
    private static let ruleOfTaxableAmount: [TaxCategory: String] = [
        .standard: "BR-S-08", .zeroRated: "BR-Z-08", .exempt: "BR-E-08", .reverseCharge: "BR-AE-08",
        .intraCommunity: "BR-IC-08", .export: "BR-G-08", .outsideScope: "BR-O-08", .canaryIslands: "BR-IG-08",
        .ceutaMelilla: "BR-IP-08",
    ]

    /// Rounds to two decimals, half away from zero (the commercial rounding invoices use).
    private static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 2, .plain)
        return result
    }
}
