import Foundation

/// The totals the source application computed for an invoice, in euros (at most 2 decimal places). The hub
/// compares them with the totals lexoffice computes after the transfer; a difference is recorded on the transfer
/// and in the activity log, never silently accepted.
package struct SourceTotals: Sendable, Codable, Equatable {
    /// The total without tax, after all discounts.
    package var net: Decimal?
    /// The total including tax, after all discounts.
    package var gross: Decimal?

    /// Totals; either may be omitted.
    package init(net: Decimal? = nil, gross: Decimal? = nil) {
        self.net = net
        self.gross = gross
    }
}
