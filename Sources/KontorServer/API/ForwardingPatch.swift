import Foundation
import KontorCore
import KontorFlows
import LexofficeKit

/// The `forwarding` member of `PATCH /api/v1/tenants/{tenant}` (merge patch, partner token only): absent members
/// stay. `active` and `mode` cannot be `null`; `activeSince` `null` means "since activation"; the posting
/// categories (`categories.incoming`, `categories.outgoing`) are lexoffice ids or `null`; `dropFolder` is the
/// tenant's own drop folder, an absolute path (at most 1024 characters) the hub's ``DropFolderPolicy`` permits
/// (checked by the route against the other tenants' folders too), or `null` for none. Activating without an
/// `activeSince` sets it to the moment of activation.
struct ForwardingPatch: Decodable, Sendable {
    var active: PatchValue<Bool> = .absent
    var activeSince: PatchValue<String> = .absent
    var mode: PatchValue<String> = .absent
    var incomingCategory: PatchValue<String> = .absent
    var outgoingCategory: PatchValue<String> = .absent
    var dropFolder: PatchValue<String> = .absent

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        active = try container.decodePatch(Bool.self, forKey: .active)
        activeSince = try container.decodePatch(String.self, forKey: .activeSince)
        mode = try container.decodePatch(String.self, forKey: .mode)
        dropFolder = try container.decodePatch(String.self, forKey: .dropFolder)
        if container.contains(.categories), try !container.decodeNil(forKey: .categories) {
            let categories = try container.nestedContainer(keyedBy: CategoryKeys.self, forKey: .categories)
            incomingCategory = try categories.decodePatch(String.self, forKey: .incoming)
            outgoingCategory = try categories.decodePatch(String.self, forKey: .outgoing)
        }
    }

    /// The change to apply at `now`, or the invalid members.
    func change(now: Date) throws(HubProblem) -> @Sendable (inout ForwardingSettings) -> Void {
        var errors: [HubProblem.FieldError] = []
        var isActive: Bool?
        switch active {
        case .absent: break
        case .null: errors.append(.init(pointer: "#/forwarding/active", detail: "must not be null"))
        case .value(let value): isActive = value
        }
        var newMode: ForwardingMode?
        switch mode {
        case .absent: break
        case .null: errors.append(.init(pointer: "#/forwarding/mode", detail: "must not be null"))
        case .value(let text):
            newMode = ForwardingMode(rawValue: text)
            if newMode == nil {
                errors.append(.init(pointer: "#/forwarding/mode", detail: "must be 'read' or 'upload'"))
            }
        }
        var since: PatchValue<Date> = .absent
        switch activeSince {
        case .absent: break
        case .null: since = .null
        case .value(let text):
            if let date = RFC3339.date(from: text) {
                since = .value(date)
            } else {
                errors.append(
                    .init(pointer: "#/forwarding/activeSince", detail: "must be an RFC 3339 date-time or null")
                )
            }
        }
        let incoming = Self.category(incomingCategory, "incoming", errors: &errors)
        let outgoing = Self.category(outgoingCategory, "outgoing", errors: &errors)
        let folder = Self.folder(dropFolder, errors: &errors)
        guard errors.isEmpty else { throw .validation(errors) }
        return { [isActive, since, newMode] settings in
            if let isActive {
                if isActive, !settings.isActive, case .absent = since, settings.activeSince == nil {
                    settings.activeSince = now
                }
                settings.isActive = isActive
            }
            switch since {
            case .absent: break
            case .null: settings.activeSince = nil
            case .value(let moment): settings.activeSince = moment
            }
            if let newMode { settings.mode = newMode }
            if let incoming { settings.purchaseCategoryID = incoming }
            if let outgoing { settings.salesCategoryID = outgoing }
            if let folder { settings.dropFolder = folder }
        }
    }

    /// The drop folder member: `nil` when absent (or invalid); `.some(nil)` for `null`.
    private static func folder(_ patch: PatchValue<String>, errors: inout [HubProblem.FieldError]) -> String?? {
        switch patch {
        case .absent: return nil
        case .null: return .some(nil)
        case .value(let path):
            guard path.hasPrefix("/"), path.unicodeScalars.count <= 1024,
                !path.unicodeScalars.contains(where: { $0.value < 0x20 })
            else {
                errors.append(
                    .init(
                        pointer: "#/forwarding/dropFolder",
                        detail: "must be an absolute path (starting with '/', at most 1024 characters) or null"
                    )
                )
                return nil
            }
            return .some(path)
        }
    }

    /// A posting category member: `nil` when absent (or invalid); `.some(nil)` for `null`.
    private static func category(
        _ patch: PatchValue<String>,
        _ member: String,
        errors: inout [HubProblem.FieldError]
    ) -> String?? {
        switch patch {
        case .absent: return nil
        case .null: return .some(nil)
        case .value(let text):
            guard (try? LexofficeID(text)) != nil else {
                errors.append(.init(pointer: "#/forwarding/categories/\(member)", detail: "must be a lexoffice id"))
                return nil
            }
            return .some(text.lowercased())
        }
    }

    private enum CodingKeys: String, CodingKey { case active, activeSince, mode, categories, dropFolder }
    private enum CategoryKeys: String, CodingKey { case incoming, outgoing }
}

/// A tenant's forwarding settings as the hub API shows them (every member, `null` when unset).
struct ForwardingRepresentation: Encodable {
    let settings: ForwardingSettings

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(settings.isActive, forKey: .active)
        try container.encode(settings.activeSince, forKey: .activeSince)
        try container.encode(settings.mode.rawValue, forKey: .mode)
        var categories = container.nestedContainer(keyedBy: CategoryKeys.self, forKey: .categories)
        try categories.encode(settings.purchaseCategoryID, forKey: .incoming)
        try categories.encode(settings.salesCategoryID, forKey: .outgoing)
        try container.encode(settings.dropFolder, forKey: .dropFolder)
    }

    private enum CodingKeys: String, CodingKey { case active, activeSince, mode, categories, dropFolder }
    private enum CategoryKeys: String, CodingKey { case incoming, outgoing }
}
