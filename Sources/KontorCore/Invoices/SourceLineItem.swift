import Foundation

/// One line of an invoice: what was sold, how much of it and at which price and tax rate.
package struct SourceLineItem: Sendable, Codable, Equatable {
    /// What was sold, 1–255 characters (lexoffice's limit).
    package var name: String
    /// More text printed below the name; at most 2000 characters (lexoffice's limit).
    package var description: String?
    /// How many units; greater than 0, at most 4 decimal places.
    package var quantity: Decimal
    /// The unit, for example `Stück` or `Stunde`; not empty. Lexoffice creates unknown units on the fly.
    package var unitName: String
    /// The price of one unit.
    package var unitPrice: SourceUnitPrice
    /// The tax rate in percent, for example `19`: one of lexoffice's rates for the invoice date (0, 7 or 19;
    /// 0, 5 or 16 from 2020-07-01 to 2020-12-31), and 0 for every vat-free tax type.
    package var taxRatePercent: Decimal
    /// A discount on this line in percent, 0–100, at most 2 decimal places.
    package var discountPercent: Decimal?

    /// A line item.
    package init(
        name: String,
        description: String? = nil,
        quantity: Decimal,
        unitName: String,
        unitPrice: SourceUnitPrice,
        taxRatePercent: Decimal,
        discountPercent: Decimal? = nil
    ) {
        self.name = name
        self.description = description
        self.quantity = quantity
        self.unitName = unitName
        self.unitPrice = unitPrice
        self.taxRatePercent = taxRatePercent
        self.discountPercent = discountPercent
    }
}
