import Foundation
import LexofficeKit

extension SourceInvoice {
    /// The body of `POST /v1/vouchers` for this invoice in the `voucher` transfer variant: a `salesinvoice` (a
    /// cancellation: a `salescreditnote`) bookkeeping voucher with the source's own number, for the contact
    /// `contactID`.
    ///
    /// Amounts per the bookkeeping rules in `totals-and-rounding.md`: each line is `quantity × unit price × (1 −
    /// discount)` rounded to cents; lines are grouped per tax rate, the total discount is applied to each group
    /// (rounded to cents); the tax of a group is `round2(net × rate)` for a net invoice and
    /// `round2(gross − gross / (1 + rate))` for a gross one. A cancellation's negative amounts are turned
    /// positive, as for the credit note (``lexofficeCreditNote(contactID:)``).
    ///
    /// The posting category follows the tax type with the ids lexoffice documents (they are the same in every
    /// organization): revenue ("Einnahmen") for taxed invoices, and the matching category for small businesses,
    /// intra-community supplies, §13b services and exports.
    /// - Throws: ``SourceInvoiceMappingError`` when the invoice was not validated.
    package func lexofficeVoucher(
        contactID: LexofficeID,
        isCancellation: Bool
    ) throws(SourceInvoiceMappingError)
        -> Voucher
    {
        guard let invoiceDate,
            let day = try? PlainDate(year: invoiceDate.year, month: invoiceDate.month, day: invoiceDate.day)
        else {
            throw SourceInvoiceMappingError(
                detail: "the invoice date '\(date)' is not a day; validate the invoice first"
            )
        }
        let usesGross = knownTaxType == .gross
        guard let category = try? LexofficeID(Self.postingCategory(for: knownTaxType)) else {
            throw SourceInvoiceMappingError(detail: "no posting category for tax type '\(taxType)'")
        }
        let items = groupedAmounts(usesGross: usesGross).map { rate, amount in
            let tax =
                usesGross
                ? Self.cents(amount - amount / (1 + rate / 100))
                : Self.cents(amount * rate / 100)
            return VoucherItem(amount: amount, taxAmount: tax, taxRatePercent: rate, categoryId: category)
        }
        let totalTax = items.reduce(Decimal(0)) { $0 + $1.taxAmount }
        let totalGross = items.reduce(Decimal(0)) { $0 + $1.amount + (usesGross ? 0 : $1.taxAmount) }
        return Voucher(
            type: isCancellation ? .salesCreditNote : .salesInvoice,
            taxType: usesGross ? .gross : .net,
            voucherNumber: number,
            voucherDate: .day(day),
            shippingDate: .day(day),
            dueDate: dueDay(from: day).map { .day($0) },
            totalGrossAmount: totalGross,
            totalTaxAmount: totalTax,
            contactId: contactID,
            remark: remark,
            voucherItems: items
        )
    }

    /// The sum of the lines per tax rate (ascending), after the total discount, in cents; positive for a
    /// cancellation written with negative prices.
    private func groupedAmounts(usesGross: Bool) -> [(Decimal, Decimal)] {
        let amounts = lineItems.map { item -> (Decimal, Decimal) in
            let price = (usesGross ? item.unitPrice.gross : item.unitPrice.net) ?? 0
            let discount = 1 - (item.discountPercent ?? 0) / 100
            return (item.taxRatePercent, Self.cents(item.quantity * price * discount))
        }
        let sign: Decimal = amounts.allSatisfy { $0.1 <= 0 } ? -1 : 1
        let totalDiscount = 1 - (totalDiscountPercent ?? 0) / 100
        return Dictionary(grouping: amounts, by: \.0)
            .map { rate, lines in (rate, Self.cents(lines.reduce(Decimal(0)) { $0 + $1.1 } * totalDiscount * sign)) }
            .sorted { $0.0 < $1.0 }
    }

    /// The due date from ``dueDate`` or ``paymentTermDays``, or `nil` (lexoffice then uses the voucher date).
    private func dueDay(from day: PlainDate) -> PlainDate? {
        if let paymentDueDate {
            return try? PlainDate(year: paymentDueDate.year, month: paymentDueDate.month, day: paymentDueDate.day)
        }
        guard let paymentTermDays else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let start = DateComponents(calendar: calendar, year: day.year, month: day.month, day: day.day).date
        guard let due = start.flatMap({ calendar.date(byAdding: .day, value: paymentTermDays, to: $0) }) else {
            return nil
        }
        let parts = calendar.dateComponents([.year, .month, .day], from: due)
        return try? PlainDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    }

    /// `value` rounded to cents, half away from zero.
    private static func cents(_ value: Decimal) -> Decimal {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
        return rounded
    }

    /// The id of lexoffice's documented income posting category for invoices of `taxType`.
    private static func postingCategory(for taxType: SourceTaxType?) -> String {
        switch taxType {
        case .vatFree: "7a1efa0e-6283-4cbf-9583-8e88d3ba5960"  // Einnahmen als Kleinunternehmer
        case .intraCommunitySupply: "9075a4e3-66de-4795-a016-3889feca0d20"  // Innergemeinschaftliche Lieferung
        case .constructionService13b, .externalService13b: "380a20cb-d04c-426e-b49c-84c22adfa362"  // §13b
        case .thirdPartyCountryDelivery: "93d24c20-ea84-424e-a731-5e1b78d1e6a9"  // Ausfuhrlieferungen
        case .thirdPartyCountryService: "ef5b1a6e-f690-4004-9a19-91276348894f"  // Dienstleistungen Drittländer
        case .net, .gross, .photovoltaicEquipment, nil: "8f8664a1-fd86-11e1-a21f-0800200c9a66"  // Einnahmen
        }
    }
}
