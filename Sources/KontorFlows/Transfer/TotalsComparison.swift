import Foundation
import KontorCore
import LexofficeKit

/// Compares the totals the source computed with those lexoffice computed. Amounts are compared by magnitude: a
/// cancellation's negative totals at the source are a credit note's positive totals in lexoffice.
enum TotalsComparison {
    /// A sentence naming each total that differs, or `nil` when the source gave none or they agree.
    static func difference(source: SourceTotals?, lexoffice: TotalPrice) -> String? {
        let differences = [
            ("net", source?.net, lexoffice.totalNetAmount),
            ("gross", source?.gross, lexoffice.totalGrossAmount),
        ].compactMap { name, theirs, ours -> String? in
            guard let theirs else { return nil }
            guard let ours else { return "lexoffice computed no \(name) total (source: \(theirs))" }
            return abs(theirs) == abs(ours) ? nil : "\(name) total is \(ours) in lexoffice but \(theirs) at the source"
        }
        return differences.isEmpty ? nil : "totals differ: " + differences.joined(separator: "; ")
    }
}
