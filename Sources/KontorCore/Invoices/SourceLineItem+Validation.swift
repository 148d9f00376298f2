import Foundation

extension SourceLineItem {
    /// Adds the line's issues; `pointer` is the line's own, such as `#/lineItems/3` (built only for an issue).
    func collectIssues(
        into issues: inout SourceInvoiceIssueList,
        at pointer: @autoclosure () -> String,
        taxType: SourceTaxType?,
        taxRates: TaxRateRule
    ) {
        issues.checkRequired(name, at: pointer() + "/name", limit: .lexoffice(255))
        issues.checkLength(description, at: pointer() + "/description", limit: .lexoffice(2000))
        if quantity <= 0 {
            issues.add(pointer() + "/quantity", "must be greater than 0")
        } else {
            issues.checkPlaces(quantity, at: pointer() + "/quantity", places: 4)
        }
        issues.checkRequired(unitName, at: pointer() + "/unitName")
        checkUnitPrice(into: &issues, at: pointer() + "/unitPrice", taxType: taxType)
        if !taxRates.allows(taxRatePercent) {
            issues.add(pointer() + "/taxRatePercent", taxRates.detail)
        }
        issues.checkNumber(discountPercent, at: pointer() + "/discountPercent", in: 0...100, places: 2)
    }

    /// Checks that the unit price has the one amount the tax type calls for, and that amount's value.
    private func checkUnitPrice(
        into issues: inout SourceInvoiceIssueList,
        at pointer: @autoclosure () -> String,
        taxType: SourceTaxType?
    ) {
        let net = unitPrice.net
        let gross = unitPrice.gross
        switch (net, gross, taxType) {
        case (nil, nil, nil):
            issues.add(pointer(), "must have net or gross")
            return
        case (nil, nil, .some(let taxType)):
            let member = taxType.usesGrossPrices ? "gross" : "net"
            issues.add(pointer(), "must have \(member) when taxType is \(taxType.rawValue)")
            return
        case (.some, .some, _):
            issues.add(pointer(), "must have either net or gross, not both")
        case (.some, nil, .some(.gross)):
            issues.add(pointer() + "/net", "must be absent when taxType is gross; give gross instead")
            return
        case (nil, .some, .some(let taxType)) where !taxType.usesGrossPrices:
            issues.add(pointer() + "/gross", "is allowed only when taxType is gross; give net instead")
            return
        default:
            break
        }
        Self.checkAmount(net, at: pointer() + "/net", into: &issues)
        Self.checkAmount(gross, at: pointer() + "/gross", into: &issues)
    }

    /// Checks a unit price in euros: at most 4 decimal places. Negative prices are allowed, as lexoffice allows
    /// them: discount and credit lines (the quantity stays positive).
    private static func checkAmount(
        _ amount: Decimal?,
        at pointer: @autoclosure () -> String,
        into issues: inout SourceInvoiceIssueList
    ) {
        guard let amount else { return }
        issues.checkPlaces(amount, at: pointer(), places: 4)
    }
}
