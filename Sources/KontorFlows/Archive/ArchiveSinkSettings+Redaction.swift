extension ArchiveSinkSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The sink's type and where it writes; never a secret, so settings are safe to log.
    package var description: String {
        let place = path ?? url ?? [endpoint, bucket].compactMap { $0 }.joined(separator: " / ")
        return "\(type.rawValue) sink at \(place.isEmpty ? "-" : place)"
    }

    /// As ``description``.
    package var debugDescription: String { description }

    /// The settings without their secrets, for `dump` and test failure messages.
    package var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "type": type.rawValue, "path": path as Any, "template": template as Any, "endpoint": endpoint as Any,
                "region": region as Any, "bucket": bucket as Any, "accessKeyId": accessKeyId as Any,
                "addressing": addressing as Any, "url": url as Any, "username": username as Any,
            ],
            displayStyle: .struct
        )
    }
}
