import Foundation
import KontorCore

/// The body of `POST /api/v1/tenants`.
struct TenantCreateRequest: Decodable {
    struct Settings: Decodable {
        var transferVariant: String?
        var finalizeInvoices: Bool?
        var autoTransfer: Bool?
    }

    var id: String
    var name: String
    var companyCode: String?
    var settings: Settings?
    var callbackUrl: String?
    var timeZone: String?

    /// The tenant to create, or the invalid fields.
    func tenant(now: Date) throws(HubProblem) -> Tenant {
        var errors = TenantFieldRules.check(name: name, companyCode: companyCode, callbackURL: callbackUrl)
        errors += TenantFieldRules.checkTimeZone(timeZone)
        if !TenantID(id).isValid {
            errors.append(
                .init(pointer: "#/id", detail: "must be 1–64 of a-z, 0-9, '-' and '_', starting with a letter or digit")
            )
        }
        let variant = TenantFieldRules.variant(settings?.transferVariant, errors: &errors)
        guard errors.isEmpty else { throw .validation(errors) }
        return Tenant(
            id: TenantID(id),
            name: name.trimmingCharacters(in: .whitespacesAndNewlines),
            companyCode: companyCode,
            settings: TenantSettings(
                transferVariant: variant ?? .invoice,
                finalizeInvoices: settings?.finalizeInvoices ?? true,
                autoTransfer: settings?.autoTransfer ?? true
            ),
            callbackURL: callbackUrl,
            timeZone: timeZone,
            createdAt: now,
            updatedAt: now
        )
    }
}

/// The body of `PATCH /api/v1/tenants/{tenant}` (JSON merge patch): absent members stay, `null` clears.
struct TenantPatchRequest: Decodable {
    var name: PatchValue<String> = .absent
    var companyCode: PatchValue<String> = .absent
    var callbackUrl: PatchValue<String> = .absent
    var timeZone: PatchValue<String> = .absent
    var transferVariant: PatchValue<String> = .absent
    var finalizeInvoices: PatchValue<Bool> = .absent
    var autoTransfer: PatchValue<Bool> = .absent
    var customerSync: PatchValue<CustomerSyncPatch> = .absent
    var forwarding: PatchValue<ForwardingPatch> = .absent
    var version: PatchValue<Int> = .absent

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodePatch(String.self, forKey: .name)
        companyCode = try container.decodePatch(String.self, forKey: .companyCode)
        callbackUrl = try container.decodePatch(String.self, forKey: .callbackUrl)
        timeZone = try container.decodePatch(String.self, forKey: .timeZone)
        version = try container.decodePatch(Int.self, forKey: .version)
        customerSync = try container.decodePatch(CustomerSyncPatch.self, forKey: .customerSync)
        forwarding = try container.decodePatch(ForwardingPatch.self, forKey: .forwarding)
        if container.contains(.settings), try !container.decodeNil(forKey: .settings) {
            let settings = try container.nestedContainer(keyedBy: SettingsKeys.self, forKey: .settings)
            transferVariant = try settings.decodePatch(String.self, forKey: .transferVariant)
            finalizeInvoices = try settings.decodePatch(Bool.self, forKey: .finalizeInvoices)
            autoTransfer = try settings.decodePatch(Bool.self, forKey: .autoTransfer)
        }
    }

    /// Checks the patch and returns the change to apply at `now`, or the invalid fields.
    func change(now: Date) throws(HubProblem) -> @Sendable (inout Tenant) -> Void {
        var errors: [HubProblem.FieldError] = []
        let newName: String?
        switch name {
        case .absent: newName = nil
        case .null:
            errors.append(.init(pointer: "#/name", detail: "must not be null"))
            newName = nil
        case .value(let value): newName = value
        }
        func optional(_ patch: PatchValue<String>) -> String?? {
            switch patch {
            case .absent: nil
            case .null: .some(nil)
            case .value(let value): .some(value)
            }
        }
        let newCode = optional(companyCode)
        let newCallback = optional(callbackUrl)
        let newZone = optional(timeZone)
        errors += TenantFieldRules.check(name: newName, companyCode: newCode ?? nil, callbackURL: newCallback ?? nil)
        errors += TenantFieldRules.checkTimeZone(newZone ?? nil)
        var variant: TransferVariant?
        switch transferVariant {
        case .absent: break
        case .null: errors.append(.init(pointer: "#/settings/transferVariant", detail: "must not be null"))
        case .value(let value): variant = TenantFieldRules.variant(value, errors: &errors)
        }
        let finalize = Self.flag(finalizeInvoices, pointer: "#/settings/finalizeInvoices", errors: &errors)
        let auto = Self.flag(autoTransfer, pointer: "#/settings/autoTransfer", errors: &errors)
        if case .null = version {
            errors.append(.init(pointer: "#/version", detail: "must not be null; leave it out to skip the check"))
        }
        var syncChange: (@Sendable (inout CustomerSyncSettings) -> Void)?
        switch customerSync {
        case .absent: break
        case .null: errors.append(.init(pointer: "#/customerSync", detail: "must not be null"))
        case .value(let patch): syncChange = patch.change(now: now, errors: &errors)
        }
        guard errors.isEmpty else { throw .validation(errors) }
        let newVariant = variant
        let newSync = syncChange
        return { tenant in
            if let newName { tenant.name = newName.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let newCode { tenant.companyCode = newCode }
            if let newCallback { tenant.callbackURL = newCallback }
            if let newZone { tenant.timeZone = newZone }
            if let newVariant { tenant.settings.transferVariant = newVariant }
            if let finalize { tenant.settings.finalizeInvoices = finalize }
            if let auto { tenant.settings.autoTransfer = auto }
            newSync?(&tenant.customerSync)
        }
    }

    private static func flag(_ patch: PatchValue<Bool>, pointer: String, errors: inout [HubProblem.FieldError]) -> Bool?
    {
        switch patch {
        case .absent: return nil
        case .null:
            errors.append(.init(pointer: pointer, detail: "must not be null"))
            return nil
        case .value(let value): return value
        }
    }

    /// The version the client read, if it sent one.
    var expectedVersion: Int? {
        if case .value(let version) = version { return version }
        return nil
    }

    private enum CodingKeys: String, CodingKey {
        case name, companyCode, callbackUrl, timeZone, settings, customerSync, forwarding, version
    }
    private enum SettingsKeys: String, CodingKey { case transferVariant, finalizeInvoices, autoTransfer }
}

/// The rules for tenant fields, shared by create and patch.
enum TenantFieldRules {
    static func check(name: String?, companyCode: String?, callbackURL: String?) -> [HubProblem.FieldError] {
        var errors: [HubProblem.FieldError] = []
        // Lengths count Unicode code points, as JSON Schema's maxLength in the OpenAPI document does.
        if let name {
            if name.allSatisfy(\.isWhitespace) { errors.append(.init(pointer: "#/name", detail: "must not be empty")) }
            if name.unicodeScalars.count > 200 {
                errors.append(.init(pointer: "#/name", detail: "must be at most 200 characters"))
            }
        }
        if let companyCode, companyCode.unicodeScalars.count > 64 {
            errors.append(.init(pointer: "#/companyCode", detail: "must be at most 64 characters"))
        }
        if let callbackURL {
            let url = URL(string: callbackURL)
            if callbackURL.unicodeScalars.count > 2000 || !["http", "https"].contains(url?.scheme?.lowercased() ?? "")
                || url?.host == nil
            {
                errors.append(.init(pointer: "#/callbackUrl", detail: "must be an absolute http(s) URL"))
            }
        }
        return errors
    }

    /// The time zones a tenant may have: the IANA ids Foundation knows, and `UTC`; the `TimeZoneID` of the OpenAPI
    /// document lists exactly these (a test compares them).
    static let knownTimeZones = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])

    /// A time zone must be an IANA id this system knows (e.g. `Europe/Vienna`).
    static func checkTimeZone(_ identifier: String?) -> [HubProblem.FieldError] {
        guard let identifier, !knownTimeZones.contains(identifier) else { return [] }
        return [.init(pointer: "#/timeZone", detail: "must be an IANA time zone, e.g. Europe/Berlin")]
    }

    static func variant(_ text: String?, errors: inout [HubProblem.FieldError]) -> TransferVariant? {
        guard let text else { return nil }
        guard let variant = TransferVariant(rawValue: text) else {
            errors.append(.init(pointer: "#/settings/transferVariant", detail: "must be 'invoice' or 'voucher'"))
            return nil
        }
        return variant
    }
}
