import Foundation
import KontorFlows

/// The console's archive settings form read into the hub API's request, so that both validate alike: the switch,
/// the start day, the document types and at most one sink of each kind, each turned on by its own checkbox (field
/// `<kind>`) with its members as `<kind>.<member>` (`s3.bucket`). A secret field left empty keeps the stored secret.
/// Further sinks of a kind, which only the API sets up, are kept as they are.
struct ConsoleArchiveForm {
    /// The sink kinds of the form, in the order they are shown and sent.
    static let kinds: [ArchiveSinkSettings.Kind] = [.filesystem, .s3, .webdav, .dms]

    /// The members each kind's fields set (the DMS token comes from the stamp, never from the form).
    static func members(of kind: ArchiveSinkSettings.Kind) -> [String] {
        switch kind {
        case .filesystem: ["path", "template"]
        case .s3: ["endpoint", "region", "bucket", "addressing", "accessKeyId", "secretAccessKey"]
        case .webdav: ["url", "username", "password"]
        case .dms: ["url"]
        }
    }

    /// The request the form amounts to.
    let request: ArchiveSettingsRequest
    /// The kind of each of the request's sinks, by position.
    let sentKinds: [ArchiveSinkSettings.Kind]
    /// The stored sinks the form does not show (the second and later of a kind), sent after the form's own.
    let keptSinks: [ArchiveSinkSettings]

    /// The form `form` over the `stored` settings; `activeSince` is its start day already read (midnight in the
    /// tenant's zone).
    init(_ form: ConsoleForm, activeSince: Date?, stored: ArchiveSettings?) {
        var sinks: [ArchiveSettingsRequest.Sink] = []
        var kinds: [ArchiveSinkSettings.Kind] = []
        for kind in Self.kinds where form.value(kind.rawValue) == "true" {
            func member(_ name: String) -> String? { form.value("\(kind.rawValue).\(name)") }
            var sink = ArchiveSettingsRequest.Sink(type: kind.rawValue)
            sink.path = member("path")
            sink.template = member("template")
            sink.endpoint = member("endpoint")
            sink.region = member("region")
            sink.bucket = member("bucket")
            sink.addressing = member("addressing")
            sink.accessKeyId = member("accessKeyId")
            sink.secretAccessKey = form.rawValue("\(kind.rawValue).secretAccessKey").flatMap { $0.isEmpty ? nil : $0 }
            sink.url = member("url")
            sink.username = member("username")
            sink.password = form.rawValue("\(kind.rawValue).password").flatMap { $0.isEmpty ? nil : $0 }
            sinks.append(sink)
            kinds.append(kind)
        }
        let stored = stored?.sinks ?? []
        keptSinks = stored.enumerated().filter { index, sink in
            stored.firstIndex { $0.type == sink.type } != index
        }
        .map(\.element)
        for sink in keptSinks {
            var kept = ArchiveSettingsRequest.Sink(type: sink.type.rawValue)
            kept.path = sink.path
            kept.template = sink.template
            kept.endpoint = sink.endpoint
            kept.region = sink.region
            kept.bucket = sink.bucket
            kept.addressing = sink.addressing
            kept.accessKeyId = sink.accessKeyId
            kept.url = sink.url
            kept.username = sink.username
            sinks.append(kept)
            kinds.append(sink.type)
        }
        request = ArchiveSettingsRequest(
            active: form.value("active") == "true",
            activeSince: activeSince.map { $0.formatted(.iso8601) },
            documentTypes: form.values("documentTypes"),
            sinks: sinks
        )
        sentKinds = kinds
    }

    /// `previous` with its sinks lined up with the request's (the first stored sink of the same kind for each of
    /// the form's, then the kept ones), so that each keeps the secrets of the stored sink it stands for.
    func aligned(_ previous: ArchiveSettings?) -> ArchiveSettings? {
        guard var previous else { return nil }
        let shown = sentKinds.dropLast(keptSinks.count).map { kind in
            previous.sinks.first { $0.type == kind } ?? ArchiveSinkSettings(type: kind)
        }
        previous.sinks = shown + keptSinks
        return previous
    }

    /// The form fields the API's error pointers name (`#/sinks/1/bucket` → `s3.bucket`, `#/sinks/1` → `s3`).
    func fields(of problem: HubProblem) -> [String] {
        var fields: [String] = []
        for error in problem.errors {
            let parts = error.pointer.replacingOccurrences(of: "#/", with: "").split(separator: "/").map(String.init)
            var field = parts.first ?? ""
            if field == "sinks", parts.count > 1, let index = Int(parts[1]), sentKinds.indices.contains(index) {
                field = sentKinds[index].rawValue + (parts.count > 2 ? "." + parts[2] : "")
            }
            if !fields.contains(field) { fields.append(field) }
        }
        return fields
    }
}
