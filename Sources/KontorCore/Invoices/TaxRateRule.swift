import Foundation

/// Which tax rates lexoffice accepts on the lines of one invoice, and how to say so.
///
/// Lexoffice's "valid tax rates" rule: vat-free tax types take only 0; otherwise 0, 7 and 19, except for a
/// relevant date from 2020-07-01 to 2020-12-31 (the temporary reduction), which takes 0, 5 and 16. The hub uses
/// the invoice date as the relevant date. When the date or tax type is invalid (reported elsewhere), any of
/// lexoffice's rates passes, so that the line does not get a second, misleading issue.
struct TaxRateRule {
    /// The accepted rates in percent.
    let allowedRates: [Decimal]
    /// The message for a line whose rate is not accepted.
    let detail: String

    /// The rule for an invoice with this date and tax type.
    init(invoiceDate: SourceDate?, taxType: SourceTaxType?) {
        if let taxType, taxType.requiresZeroTaxRate {
            allowedRates = [0]
            detail = "must be 0 when taxType is \(taxType.rawValue)"
        } else if let invoiceDate, taxType != nil {
            let reductionStart = SourceDate(year: 2020, month: 7, day: 1)
            let reductionEnd = SourceDate(year: 2020, month: 12, day: 31)
            if let reductionStart, let reductionEnd, (reductionStart...reductionEnd).contains(invoiceDate) {
                allowedRates = [0, 5, 16]
                detail = "must be 0, 5 or 16 for an invoice date from 2020-07-01 to 2020-12-31 (lexoffice's rates)"
            } else {
                allowedRates = [0, 7, 19]
                detail = "must be 0, 7 or 19 (lexoffice's rates)"
            }
        } else {
            allowedRates = [0, 5, 7, 16, 19]
            detail = "must be 0, 5, 7, 16 or 19 (lexoffice's rates)"
        }
    }

    /// Whether lexoffice accepts `rate` on this invoice.
    func allows(_ rate: Decimal) -> Bool {
        allowedRates.contains(rate)
    }
}
