import Foundation
import KontorCore
import KontorFlows
import SQLKit

extension ForwardingSettings {
    init(row: any SQLRow) throws {
        let mode = try row.decode(column: "mode", as: String.self)
        guard let knownMode = ForwardingMode(rawValue: mode) else {
            throw StoreError(.inconsistent, "forwarding settings hold an unknown mode '\(mode)'")
        }
        self.init(
            isActive: try row.decode(column: "is_active", as: Bool.self),
            activeSince: try row.decode(column: "active_since", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            mode: knownMode,
            salesCategoryID: try row.decode(column: "sales_category_id", as: String?.self),
            purchaseCategoryID: try row.decode(column: "purchase_category_id", as: String?.self),
            dropFolder: try row.decode(column: "drop_folder", as: String?.self)
        )
    }
}
