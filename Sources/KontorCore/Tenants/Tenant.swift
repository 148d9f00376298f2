import Foundation

/// A client company served by the hub: its settings, activation and where its source application listens.
package struct Tenant: Sendable, Codable, Equatable {
    /// Chosen by the partner; used in URLs.
    package var id: TenantID
    /// The company's name, for people.
    package var name: String
    /// The partner's own code for the company (e.g. a client number in the practice software).
    package var companyCode: String?
    /// Transfer settings.
    package var settings: TenantSettings
    /// Whether documents are transferred and forwarded; an inactive tenant's documents are stored, not sent.
    package var isActive: Bool
    /// Since when the tenant is active: documents dated before this are stored and skipped.
    package var activeSince: Date?
    /// Where the hub sends callbacks (`invoice.transferred`, `customer.numbered`, …) for the source application.
    package var callbackURL: String?
    /// Customer sync settings.
    package var customerSync: CustomerSyncSettings
    /// The company's time zone (IANA id, e.g. `Europe/Vienna`): the console shows times in it and the business year
    /// is counted in it; `nil` is ``Tenant/defaultTimeZone``.
    package var timeZone: String?
    /// When the tenant was created.
    package var createdAt: Date
    /// When the tenant last changed.
    package var updatedAt: Date
    /// Increases with every change; an update names the version it read (optimistic locking).
    package var version: Int

    /// A tenant.
    package init(
        id: TenantID,
        name: String,
        companyCode: String? = nil,
        settings: TenantSettings = TenantSettings(),
        isActive: Bool = false,
        activeSince: Date? = nil,
        callbackURL: String? = nil,
        customerSync: CustomerSyncSettings = CustomerSyncSettings(),
        timeZone: String? = nil,
        createdAt: Date,
        updatedAt: Date,
        version: Int = 1
    ) {
        self.id = id
        self.name = name
        self.companyCode = companyCode
        self.settings = settings
        self.isActive = isActive
        self.activeSince = activeSince
        self.callbackURL = callbackURL
        self.customerSync = customerSync
        self.timeZone = timeZone
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

extension Tenant {
    /// The zone of a tenant without one: lexoffice's.
    package static let defaultTimeZone = "Europe/Berlin"

    /// The tenant's time zone (its own, else ``defaultTimeZone``).
    package var zone: TimeZone {
        timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: Self.defaultTimeZone) ?? .gmt
    }
}
