import Foundation
import KontorFlows

/// The values of the archive section's settings form: what is stored (secrets only as "stored"), the invalid fields
/// of the last attempt (the `fields` of its redirect) to mark next to each field.
struct ConsoleArchiveSettingsPage {
    let settings: ArchiveSettings?
    let hasStampSecret: Bool
    /// The form fields the last attempt got wrong (`s3.bucket`, `activeSince`).
    let invalidFields: [String]

    /// The template values.
    func values(page: ConsolePageContext) -> [String: Any] {
        let types = settings?.documentTypes ?? ArchiveDocumentType.allCases
        var values: [String: Any] = [
            "active": settings?.isActive ?? false,
            "activeSince": settings?.activeSince.map(page.format.isoDay) ?? "",
            "types": ArchiveDocumentType.allCases.map { type in
                [
                    "value": type.rawValue, "label": page.text("archiveTypes.\(type.rawValue)"),
                    "checked": types.contains(type),
                ] as [String: Any]
            },
            "hasStampSecret": hasStampSecret,
            "hasMoreSinks": (settings?.sinks.count ?? 0) > Set(settings?.sinks.map(\.type) ?? []).count,
            "invalid": invalid,
        ]
        for kind in ConsoleArchiveForm.kinds {
            values[kind.rawValue] = sinkValues(settings?.sinks.first { $0.type == kind })
        }
        return values
    }

    /// A sink's values: its members but never its secrets, which show only whether one is stored.
    private func sinkValues(_ sink: ArchiveSinkSettings?) -> [String: Any] {
        ConsoleValues.compact([
            "on": sink != nil, "path": sink?.path, "template": sink?.template, "endpoint": sink?.endpoint,
            "region": sink?.region, "bucket": sink?.bucket, "accessKeyId": sink?.accessKeyId,
            "virtualHost": sink?.addressing == "virtual-host", "url": sink?.url, "username": sink?.username,
            "hasSecret": sink?.secretAccessKey != nil || sink?.password != nil,
            "hasToken": sink?.token != nil,
        ])
    }

    /// The invalid fields as nested flags the template can test: `s3.bucket` → `invalid.s3.bucket`, a whole sink
    /// (`s3`) → `invalid.s3.sink`.
    private var invalid: [String: Any] {
        var flags: [String: Any] = [:]
        for field in invalidFields {
            let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
            guard let name = parts.first else { continue }
            if ConsoleArchiveForm.kinds.contains(where: { $0.rawValue == name }) {
                var sink = flags[name] as? [String: Bool] ?? [:]
                sink[parts.count > 1 ? parts[1] : "sink"] = true
                flags[name] = sink
            } else {
                flags[name] = true
            }
        }
        return flags
    }
}
