import Foundation
import LexofficeKit

/// Computes what lexoffice derives from line items: line amounts, the unit price counterpart, `taxAmounts`
/// and `totalPrice`, per `totals-and-rounding.md` (rounding once per tax-rate group, half-up, 2 decimals).
struct TotalsCalculator {
    /// Decimals of the derived unit price counterpart (documented precision of unit prices; samples also show 2).
    var counterpartScale = 4

    /// The result for one document.
    struct Result {
        var lineItems: [LineItem]
        var taxAmounts: [TaxAmount]
        var totalPrice: TotalPrice
    }

    /// Computes amounts for `lineItems` under `taxType`; `totalPrice` supplies the currency and total discount.
    func compute(lineItems: [LineItem], taxType: TaxType, totalPrice: TotalPrice?) -> Result {
        let isGross = taxType == .gross
        var groups: [Decimal: Decimal] = [:]
        let items = lineItems.map { item -> LineItem in
            let item = computedItem(item, isGross: isGross)
            guard item.type != .text, item.optional != true, let amount = item.lineItemAmount,
                let rate = item.unitPrice?.taxRatePercentage
            else { return item }
            groups[rate, default: 0] += amount
            return item
        }
        let discounted = applyTotalDiscount(to: groups, totalPrice: totalPrice)
        var taxAmounts: [TaxAmount] = []
        var total = (net: Decimal(0), tax: Decimal(0), gross: Decimal(0))
        for rate in discounted.keys.sorted() {
            let sum = discounted[rate] ?? 0
            let net = isGross ? (sum / (1 + rate / 100)).rounded(scale: 2) : sum
            let tax = isGross ? sum - net : (sum * rate / 100).rounded(scale: 2)
            taxAmounts.append(TaxAmount(taxRatePercentage: rate, taxAmount: tax, netAmount: net))
            total = (total.net + net, total.tax + tax, total.gross + net + tax)
        }
        var price = totalPrice ?? TotalPrice(currency: .euro)
        price.totalNetAmount = total.net
        price.totalTaxAmount = total.tax
        price.totalGrossAmount = total.gross
        return Result(lineItems: items, taxAmounts: taxAmounts, totalPrice: price)
    }

    /// The line amount (leading basis, after the line discount) and the unit price counterpart.
    private func computedItem(_ item: LineItem, isGross: Bool) -> LineItem {
        var item = item
        item.subItems = item.subItems?.map { computedItem($0, isGross: isGross) }  // alternatives: never counted
        guard item.type != .text, var price = item.unitPrice, let quantity = item.quantity else {
            item.lineItemAmount = nil
            return item
        }
        let factor = 1 + price.taxRatePercentage / 100
        let leading: Decimal
        if isGross {
            leading = price.grossAmount ?? 0
            price.netAmount = (leading / factor).rounded(scale: counterpartScale)
        } else {
            leading = price.netAmount ?? 0
            price.grossAmount = (leading * factor).rounded(scale: counterpartScale)
        }
        item.unitPrice = price
        let discount = (item.discountPercentage ?? 0) / 100
        item.lineItemAmount = (quantity * leading * (1 - discount)).rounded(scale: 2)
        return item
    }

    /// Applies `totalDiscountPercentage` or `totalDiscountAbsolute` to the group sums. An absolute discount is
    /// split proportionally; the remainder cent goes to the largest group (unconfirmed rule, see the docs).
    private func applyTotalDiscount(to groups: [Decimal: Decimal], totalPrice: TotalPrice?) -> [Decimal: Decimal] {
        let sum = groups.values.reduce(0, +)
        guard sum != 0 else { return groups }
        let discount: Decimal
        if let percentage = totalPrice?.totalDiscountPercentage, percentage != 0 {
            discount = (sum * percentage / 100).rounded(scale: 2)
        } else if let absolute = totalPrice?.totalDiscountAbsolute, absolute != 0 {
            discount = absolute
        } else {
            return groups
        }
        var result: [Decimal: Decimal] = [:]
        var distributed: Decimal = 0
        for (rate, amount) in groups {
            let share = (discount * amount / sum).rounded(scale: 2)
            result[rate] = amount - share
            distributed += share
        }
        if let largest = groups.max(by: { $0.value < $1.value })?.key {
            result[largest, default: 0] -= discount - distributed
        }
        return result
    }
}
