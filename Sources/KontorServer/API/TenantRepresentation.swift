import Foundation
import KontorCore
import KontorFlows

/// A tenant as the hub API shows it.
struct TenantRepresentation: Encodable {
    struct Settings: Codable {
        var transferVariant: String
        var finalizeInvoices: Bool
        var autoTransfer: Bool
    }

    let id: String
    let name: String
    let companyCode: String?
    let settings: Settings
    let customerSync: CustomerSyncRepresentation
    /// The forwarding settings, where the answer shows one tenant.
    let forwarding: ForwardingRepresentation?
    let active: Bool
    let activeSince: Date?
    let callbackUrl: String?
    let timeZone: String
    let version: Int
    let createdAt: Date
    let updatedAt: Date
    /// Only in the answer that created the tenant: the secret that signs its callbacks, shown once.
    let callbackSecret: String?

    init(_ tenant: Tenant, callbackSecret: String? = nil, forwarding: ForwardingSettings? = nil) {
        self.callbackSecret = callbackSecret
        self.forwarding = forwarding.map(ForwardingRepresentation.init(settings:))
        id = tenant.id.rawValue
        name = tenant.name
        companyCode = tenant.companyCode
        settings = Settings(
            transferVariant: tenant.settings.transferVariant.rawValue,
            finalizeInvoices: tenant.settings.finalizeInvoices,
            autoTransfer: tenant.settings.autoTransfer
        )
        customerSync = CustomerSyncRepresentation(settings: tenant.customerSync)
        active = tenant.isActive
        activeSince = tenant.activeSince
        callbackUrl = tenant.callbackURL
        timeZone = tenant.timeZone ?? Tenant.defaultTimeZone
        version = tenant.version
        createdAt = tenant.createdAt
        updatedAt = tenant.updatedAt
    }

    /// Encodes `nil` members as `null`, so clients see every member.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(companyCode, forKey: .companyCode)
        try container.encode(settings, forKey: .settings)
        try container.encode(customerSync, forKey: .customerSync)
        try container.encodeIfPresent(forwarding, forKey: .forwarding)
        try container.encode(active, forKey: .active)
        try container.encode(activeSince, forKey: .activeSince)
        try container.encode(callbackUrl, forKey: .callbackUrl)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(version, forKey: .version)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encodeIfPresent(callbackSecret, forKey: .callbackSecret)
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, companyCode, settings, customerSync, forwarding, active, activeSince, callbackUrl, timeZone,
            version
        case createdAt, updatedAt
        case callbackSecret
    }
}

/// A page of a listing with the cursor of the next page (`null` on the last).
struct Page<Item> {
    let items: [Item]
    let nextCursor: String?
}

extension Page: Encodable where Item: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }

    private enum CodingKeys: String, CodingKey { case items, nextCursor }
}

extension Page: CanonicalJSONObject where Item: CanonicalJSONObject {
    /// The same members as the encoder writes: `nextCursor` is `null` on the last page.
    func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("items", items)
        json.memberOrNull("nextCursor", nextCursor)
    }
}
