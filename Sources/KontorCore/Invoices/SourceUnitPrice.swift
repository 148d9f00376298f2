import Foundation

/// The price of one unit of a line item, in euros: net or gross, never both.
///
/// Use ``gross`` when the invoice's tax type is ``SourceTaxType/gross`` and ``net`` for every other tax type;
/// lexoffice takes gross prices only with tax type gross. At most 4 decimal places, not negative.
package struct SourceUnitPrice: Sendable, Codable, Equatable {
    /// The unit price without tax, in euros.
    package var net: Decimal?
    /// The unit price including tax, in euros.
    package var gross: Decimal?

    /// A unit price; give exactly one of the two.
    package init(net: Decimal? = nil, gross: Decimal? = nil) {
        self.net = net
        self.gross = gross
    }
}
