import Foundation
import LexofficeKit

/// The amount rules of bookkeeping voucher items: tax rates, posting categories, each item's tax and the totals.
///
/// The client computes, lexoffice checks (totals-and-rounding.md): totals must equal the item sums to the cent,
/// and an item's tax may differ from the one computed from its rate by at most 0.01.
struct VoucherAmountRules {
    /// The rates bookkeeping vouchers accept at any date.
    static let taxRates: [Decimal] = [0, 5, 7, 16, 19]
    /// How far an item's tax may be from the computed one: one cent.
    static let taxTolerance = Decimal(sign: .plus, exponent: -2, significand: 1)

    let categories: [LexofficeID: PostingCategory]
    /// The voucher type, when valid (decides between income and outgo categories).
    let type: VoucherType?
    /// The tax type, when valid (decides how tax and totals are computed).
    let taxType: TaxType?

    /// All violations of `items`, and of the totals in `body` when every item has its amounts.
    func failures(items: [JSONValue], body: JSONValue, isCollective: Bool) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        var amounts: [(amount: Decimal, tax: Decimal)] = []
        var needsContact = false
        for (index, item) in items.enumerated() {
            let path = "voucherItems[\(index)]"
            guard case .object = item else {
                failures.append(.invalid(path))
                continue
            }
            let amount = number(item["amount"], path + ".amount", &failures)
            let tax = number(item["taxAmount"], path + ".taxAmount", &failures)
            var rate = number(item["taxRatePercent"], path + ".taxRatePercent", &failures)
            if let invalidRate = rate, !Self.taxRates.contains(invalidRate) {
                failures.append(Self.invalidRate(invalidRate, path + ".taxRatePercent"))
                rate = nil
            }
            if let category = category(item["categoryId"], path + ".categoryId", &failures) {
                needsContact = needsContact || category.contactRequired == true
            }
            if let amount, let tax, let rate, let taxType {
                let expected = Self.tax(of: amount, rate: rate, taxType: taxType)
                if abs(tax - expected) > Self.taxTolerance {
                    failures.append(Self.invalidTax(path + ".taxAmount", expected: expected))
                }
            }
            if let amount, let tax { amounts.append((amount, tax)) }
        }
        if isCollective, needsContact {
            failures.append(
                ValidationFailure(
                    field: "useCollectiveContact",
                    key: "collective_customer_not_applicable",
                    violation: "INVALID",
                    message: "Die Buchungskategorie erfordert einen Kontakt"
                )
            )
        }
        if amounts.count == items.count, let taxType {
            failures += totalFailures(amounts, body: body, taxType: taxType)
        }
        return failures
    }

    /// The tax of an item: `round2(amount × rate)` for net amounts, `round2(amount − amount ÷ (1 + rate))` for gross.
    static func tax(of amount: Decimal, rate: Decimal, taxType: TaxType) -> Decimal {
        let factor = rate / 100
        if taxType == .net { return (amount * factor).rounded(scale: 2) }
        return (amount - amount / (1 + factor)).rounded(scale: 2)
    }

    private func totalFailures(
        _ amounts: [(amount: Decimal, tax: Decimal)],
        body: JSONValue,
        taxType: TaxType
    ) -> [ValidationFailure] {
        let taxSum = amounts.reduce(Decimal(0)) { $0 + $1.tax }
        let amountSum = amounts.reduce(Decimal(0)) { $0 + $1.amount }
        let grossSum = taxType == .net ? amountSum + taxSum : amountSum
        var failures: [ValidationFailure] = []
        for (field, expected) in [("totalGrossAmount", grossSum), ("totalTaxAmount", taxSum)] {
            guard case .number(let total)? = body[field], total != expected else { continue }
            failures.append(
                ValidationFailure(
                    field: field,
                    key: "invalid_total_amount",
                    violation: "INVALID",
                    message: "Summe stimmt nicht mit den Positionen überein (erwartet \(expected))"
                )
            )
        }
        return failures
    }

    /// A required number of an item.
    private func number(_ value: JSONValue?, _ field: String, _ failures: inout [ValidationFailure]) -> Decimal? {
        switch value {
        case nil, .null?: failures.append(.missing(field))
        case .number(let number)?: return number
        default: failures.append(.invalid(field))
        }
        return nil
    }

    /// A required posting category of the kind the voucher type needs.
    private func category(
        _ value: JSONValue?,
        _ field: String,
        _ failures: inout [ValidationFailure]
    ) -> PostingCategory? {
        guard let text = value?.stringValue else {
            failures.append(value == nil || value == .null ? .missing(field) : .invalid(field))
            return nil
        }
        guard let id = try? LexofficeID(text), let category = categories[id] else {
            failures.append(.invalid(field, "unbekannte Buchungskategorie"))
            return nil
        }
        if let type {
            let isSales = type == .salesInvoice || type == .salesCreditNote
            guard category.type == (isSales ? .income : .outgo) else {
                failures.append(.invalid(field, "Buchungskategorie passt nicht zur Belegart"))
                return nil
            }
        }
        return category
    }

    private static func invalidRate(_ rate: Decimal, _ field: String) -> ValidationFailure {
        ValidationFailure(
            field: field,
            key: "invalid_taxrate_\(rate)",
            violation: "INVALID",
            message: "Steuersatz \(rate) % ist nicht erlaubt"
        )
    }

    private static func invalidTax(_ field: String, expected: Decimal) -> ValidationFailure {
        ValidationFailure(
            field: field,
            key: "invalid_tax_amount",
            violation: "INVALID",
            message: "Steuerbetrag weicht vom berechneten Betrag \(expected) ab"
        )
    }
}
