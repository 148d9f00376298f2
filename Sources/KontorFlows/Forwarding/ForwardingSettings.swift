import Foundation
import LexofficeKit

/// A tenant's forwarding settings (issue 26): whether documents are forwarded, from when, how e-invoices are sent,
/// and the posting categories of the vouchers Kontor builds.
package struct ForwardingSettings: Sendable, Equatable, Codable {
    /// Whether the tenant's documents are forwarded; inactive, they are stored and wait.
    package var isActive: Bool
    /// Documents approved or sent before this moment are skipped (the seed's rule: not the invoice date).
    package var activeSince: Date?
    /// How structured e-invoices are sent.
    package var mode: ForwardingMode
    /// The posting category (`income`) of vouchers for outgoing documents.
    package var salesCategoryID: String?
    /// The posting category (`outgo`) of vouchers for incoming documents; without one, incoming e-invoices are
    /// uploaded for lexoffice's own recognition instead of guessing a category.
    package var purchaseCategoryID: String?
    /// The tenant's own drop folder (an absolute path holding `incoming/` and `outgoing/`), polled like the hub-wide
    /// root's folders (``DropFolder``); `nil` for none.
    package var dropFolder: String?

    /// lexoffice's "Warenverkäufe" category, the default for outgoing documents.
    package static let defaultSalesCategoryID = "8f8664a8-fd86-11e1-a21f-0800200c9a66"

    /// Settings; by default inactive, mode `read`, sales posted as "Warenverkäufe".
    package init(
        isActive: Bool = false,
        activeSince: Date? = nil,
        mode: ForwardingMode = .read,
        salesCategoryID: String? = ForwardingSettings.defaultSalesCategoryID,
        purchaseCategoryID: String? = nil,
        dropFolder: String? = nil
    ) {
        self.isActive = isActive
        self.activeSince = activeSince
        self.mode = mode
        self.salesCategoryID = salesCategoryID
        self.purchaseCategoryID = purchaseCategoryID
        self.dropFolder = dropFolder
    }

    /// Whether a document approved or sent at `moment` is forwarded at all: only after ``activeSince``.
    package func covers(_ moment: Date) -> Bool {
        guard let activeSince else { return true }
        return moment >= activeSince
    }
}
