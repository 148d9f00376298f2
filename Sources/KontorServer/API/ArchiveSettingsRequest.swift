import Foundation
import KontorFlows

/// The body of `PUT /api/v1/tenants/{t}/archive`, read loosely so that every invalid member is named at once.
struct ArchiveSettingsRequest: Decodable {
    /// One sink as sent; the DMS token cannot be sent (the stamp sets it).
    struct Sink: Decodable {
        var type: String?
        var path: String?
        var template: String?
        var endpoint: String?
        var region: String?
        var bucket: String?
        var accessKeyId: String?
        var secretAccessKey: String?
        var addressing: String?
        var url: String?
        var username: String?
        var password: String?
    }

    var active: Bool?
    var activeSince: String?
    var documentTypes: [String]?
    var sinks: [Sink]?

    /// The settings, secrets not sent kept from `previous`; activating without `activeSince` starts at `now`.
    /// - Throws: ``HubProblem`` 422 naming each invalid member.
    func validated(
        previous: ArchiveSettings?,
        sinks factory: any ArchiveSinkFactory,
        now: Date
    ) throws(HubProblem) -> ArchiveSettings {
        var errors: [HubProblem.FieldError] = []
        if active == nil { errors.append(.init(pointer: "#/active", detail: "is required (true or false)")) }
        var since: Date?
        if let activeSince {
            since = RFC3339.date(from: activeSince)
            if since == nil {
                errors.append(
                    .init(pointer: "#/activeSince", detail: "must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z")
                )
            }
        }
        var types: [ArchiveDocumentType] = []
        if let documentTypes, !documentTypes.isEmpty {
            for (index, name) in documentTypes.enumerated() {
                guard let type = ArchiveDocumentType(rawValue: name) else {
                    let values = ArchiveDocumentType.allCases.map(\.rawValue).joined(separator: ", ")
                    errors.append(.init(pointer: "#/documentTypes/\(index)", detail: "must be one of \(values)"))
                    continue
                }
                if !types.contains(type) { types.append(type) }
            }
        } else {
            errors.append(.init(pointer: "#/documentTypes", detail: "must list one or more document types"))
        }
        var settings: [ArchiveSinkSettings] = []
        if let sinks, !sinks.isEmpty {
            for (index, sink) in sinks.enumerated() {
                guard let made = Self.sink(sink, at: index, previous: previous?.sinks, factory: factory, &errors)
                else { continue }
                settings.append(made)
            }
        } else {
            errors.append(.init(pointer: "#/sinks", detail: "must list one or more sinks"))
        }
        guard errors.isEmpty, let active else { throw .validation(errors) }
        var activeSince = since ?? previous?.activeSince
        if active, activeSince == nil { activeSince = now }
        return ArchiveSettings(isActive: active, activeSince: activeSince, documentTypes: types, sinks: settings)
    }

    /// The sink at `index`, or `nil` with its errors appended.
    private static func sink(
        _ sink: Sink,
        at index: Int,
        previous: [ArchiveSinkSettings]?,
        factory: any ArchiveSinkFactory,
        _ errors: inout [HubProblem.FieldError]
    ) -> ArchiveSinkSettings? {
        let pointer = "#/sinks/\(index)"
        guard let kind = sink.type.flatMap(ArchiveSinkSettings.Kind.init(rawValue:)) else {
            let values = ArchiveSinkSettings.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            errors.append(.init(pointer: pointer + "/type", detail: "must be one of \(values)"))
            return nil
        }
        var settings = ArchiveSinkSettings(type: kind)
        settings.path = sink.path
        settings.template = sink.template
        settings.endpoint = sink.endpoint
        settings.region = sink.region
        settings.bucket = sink.bucket
        settings.accessKeyId = sink.accessKeyId
        settings.secretAccessKey = sink.secretAccessKey
        settings.addressing = sink.addressing
        settings.url = sink.url
        settings.username = sink.username
        settings.password = sink.password
        if let old = previous?.indices.contains(index) == true ? previous?[index] : nil {
            settings = settings.keepingSecrets(of: old)
            if kind == .dms, old.url != settings.url { settings.token = nil }  // a new DMS needs a new stamp
        }
        let missing = settings.missingMembers
        for (member, detail) in missing {
            errors.append(.init(pointer: pointer + "/" + member, detail: detail))
        }
        guard missing.isEmpty else { return nil }
        do {
            try factory.validate(settings)
        } catch {
            let member = error.detail.contains("template") ? "/template" : ""
            errors.append(.init(pointer: pointer + member, detail: error.detail))
            return nil
        }
        return settings
    }
}
