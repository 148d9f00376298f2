import Foundation
import KontorCore

/// The `customerSync` member of `PATCH /api/v1/tenants/{tenant}` (merge patch): absent members stay. `active`,
/// `direction`, `conflictPolicy` and `matching` cannot be `null`; `activeSince` `null` means "since activation".
/// Activating without an `activeSince` sets it to the moment of activation.
struct CustomerSyncPatch: Decodable, Sendable {
    var active: PatchValue<Bool> = .absent
    var activeSince: PatchValue<String> = .absent
    var direction: PatchValue<String> = .absent
    var conflictPolicy: PatchValue<String> = .absent
    var matching: PatchValue<[String]> = .absent

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        active = try container.decodePatch(Bool.self, forKey: .active)
        activeSince = try container.decodePatch(String.self, forKey: .activeSince)
        direction = try container.decodePatch(String.self, forKey: .direction)
        conflictPolicy = try container.decodePatch(String.self, forKey: .conflictPolicy)
        matching = try container.decodePatch([String].self, forKey: .matching)
    }

    /// The change to apply at `now`; the invalid members are added to `errors`.
    func change(now: Date, errors: inout [HubProblem.FieldError]) -> @Sendable (inout CustomerSyncSettings) -> Void {
        let active = Self.required(active, "active", errors: &errors)
        let direction = Self.required(direction, "direction", errors: &errors).flatMap {
            Self.known(CustomerSyncDirection.self, $0, "direction", errors: &errors)
        }
        let policy = Self.required(conflictPolicy, "conflictPolicy", errors: &errors).flatMap {
            Self.known(CustomerConflictPolicy.self, $0, "conflictPolicy", errors: &errors)
        }
        let matching = Self.required(matching, "matching", errors: &errors).map { names in
            names.enumerated().compactMap { index, name in
                Self.known(CustomerMatching.self, name, "matching/\(index)", errors: &errors)
            }
        }
        if let matching, Set(matching).count != matching.count {
            errors.append(.init(pointer: "#/customerSync/matching", detail: "must not name a rule twice"))
        }
        let activeSince = Self.moment(activeSince, errors: &errors)
        return { settings in
            if let active {
                if active, !settings.active, case .absent = activeSince, settings.activeSince == nil {
                    settings.activeSince = now
                }
                settings.active = active
            }
            switch activeSince {
            case .absent: break
            case .null: settings.activeSince = nil
            case .value(let moment): settings.activeSince = moment
            }
            if let direction { settings.direction = direction }
            if let policy { settings.conflictPolicy = policy }
            if let matching { settings.matching = matching }
        }
    }

    /// `activeSince` read as an RFC 3339 date-time (OpenAPI's `date-time`).
    private static func moment(_ patch: PatchValue<String>, errors: inout [HubProblem.FieldError]) -> PatchValue<Date> {
        switch patch {
        case .absent: return .absent
        case .null: return .null
        case .value(let text):
            if let moment = RFC3339.date(from: text) { return .value(moment) }
            errors.append(
                .init(
                    pointer: "#/customerSync/activeSince",
                    detail: "must be an RFC 3339 date-time, e.g. 2026-01-01T00:00:00Z"
                )
            )
            return .absent
        }
    }

    private static func required<Value>(
        _ patch: PatchValue<Value>,
        _ member: String,
        errors: inout [HubProblem.FieldError]
    ) -> Value? {
        switch patch {
        case .absent: return nil
        case .null:
            errors.append(.init(pointer: "#/customerSync/\(member)", detail: "must not be null"))
            return nil
        case .value(let value): return value
        }
    }

    private static func known<Value: RawRepresentable<String> & CaseIterable>(
        _ type: Value.Type,
        _ text: String,
        _ member: String,
        errors: inout [HubProblem.FieldError]
    ) -> Value? {
        if let value = Value(rawValue: text) { return value }
        let names = Value.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        errors.append(.init(pointer: "#/customerSync/\(member)", detail: "must be one of \(names)"))
        return nil
    }

    private enum CodingKeys: String, CodingKey { case active, activeSince, direction, conflictPolicy, matching }
}

/// A tenant's customer sync settings as the hub API shows them (every member, `null` when unset).
struct CustomerSyncRepresentation: Encodable {
    let settings: CustomerSyncSettings

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(settings.active, forKey: .active)
        try container.encode(settings.activeSince, forKey: .activeSince)
        try container.encode(settings.direction.rawValue, forKey: .direction)
        try container.encode(settings.conflictPolicy.rawValue, forKey: .conflictPolicy)
        try container.encode(settings.matching.map(\.rawValue), forKey: .matching)
    }

    private enum CodingKeys: String, CodingKey { case active, activeSince, direction, conflictPolicy, matching }
}
