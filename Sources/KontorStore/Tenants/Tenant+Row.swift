import Foundation
import KontorCore
import SQLKit

extension Tenant {
    /// Reads a tenant from a `SELECT * FROM tenants` row.
    init(row: any SQLRow) throws {
        let variantText = try row.decode(column: "transfer_variant", as: String.self)
        guard let variant = TransferVariant(rawValue: variantText) else {
            throw StoreError(.inconsistent, "unknown transfer variant '\(variantText)' in the database")
        }
        self.init(
            id: TenantID(try row.decode(column: "id", as: String.self)),
            name: try row.decode(column: "name", as: String.self),
            companyCode: try row.decode(column: "company_code", as: String?.self),
            settings: TenantSettings(
                transferVariant: variant,
                finalizeInvoices: try row.decode(column: "finalize_invoices", as: Bool.self),
                autoTransfer: try row.decode(column: "auto_transfer", as: Bool.self)
            ),
            isActive: try row.decode(column: "is_active", as: Bool.self),
            activeSince: try row.decode(column: "active_since", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            callbackURL: try row.decode(column: "callback_url", as: String?.self),
            customerSync: try Self.customerSync(row.decode(column: "customer_sync", as: String?.self)),
            timeZone: try row.decode(column: "time_zone", as: String?.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self)),
            version: try row.decode(column: "version", as: Int.self)
        )
    }

    /// The customer sync settings stored as JSON; the defaults (inactive) when none were set.
    private static func customerSync(_ json: String?) throws -> CustomerSyncSettings {
        guard let json else { return CustomerSyncSettings() }
        do {
            return try KontorJSON.decoder().decode(CustomerSyncSettings.self, from: Data(json.utf8))
        } catch {
            throw StoreError(.inconsistent, "the stored customer sync settings are not readable: \(error)")
        }
    }
}
