/// One sink a tenant's documents are archived to, as configured through the hub API (`sinks[]` of
/// `PUT /api/v1/tenants/{t}/archive`): its ``Kind`` and the members that kind reads. The secrets
/// (``secretAccessKey``, ``password``, ``token``) are stored sealed and never shown again (``redacted``).
package struct ArchiveSinkSettings: Sendable, Hashable, Codable {
    /// What a sink is.
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A folder on the hub's file system (``path``).
        case filesystem
        /// An S3-compatible bucket (``endpoint``, ``region``, ``bucket``, ``accessKeyId``, ``secretAccessKey``).
        case s3
        /// A WebDAV folder (``url``, optionally ``username`` and ``password``).
        case webdav
        /// A DMS over its REST API (Mayan EDMS at ``url``); its ``token`` comes from the stamp.
        case dms
    }

    /// What the sink is.
    package var type: Kind
    /// Filesystem: the absolute root folder; it must exist.
    package var path: String?
    /// Where a document's files go below the root (default `{tenant}/{year}/{type}/{number}`).
    package var template: String?
    /// S3: the endpoint, `http(s)://host[:port]`.
    package var endpoint: String?
    /// S3: the signing region.
    package var region: String?
    /// S3: the bucket.
    package var bucket: String?
    /// S3: the access key id.
    package var accessKeyId: String?
    /// S3: the secret access key (write-only).
    package var secretAccessKey: String?
    /// S3: `path` (default) or `virtual-host`.
    package var addressing: String?
    /// WebDAV: the base folder URL; DMS: the server's URL.
    package var url: String?
    /// WebDAV: the user name.
    package var username: String?
    /// WebDAV: the password (write-only).
    package var password: String?
    /// DMS: the API token the stamp obtained (write-only, never set through the settings API).
    package var token: String?

    /// A sink of `type`; set the members its kind reads.
    package init(type: Kind) {
        self.type = type
    }

    /// The settings without their secrets, as the API shows them.
    package var redacted: ArchiveSinkSettings {
        var copy = self
        copy.secretAccessKey = nil
        copy.password = nil
        copy.token = nil
        return copy
    }

    /// These settings with the secrets `previous` holds where these have none (a secret is write-only: a client
    /// that sends the settings back as it read them keeps it).
    package func keepingSecrets(of previous: ArchiveSinkSettings) -> ArchiveSinkSettings {
        guard previous.type == type else { return self }
        var copy = self
        copy.secretAccessKey = secretAccessKey ?? previous.secretAccessKey
        copy.password = password ?? previous.password
        copy.token = token ?? previous.token
        return copy
    }

    /// The members a sink of this kind needs but lacks, as JSON pointer tails (`bucket`) with a sentence each.
    package var missingMembers: [(member: String, detail: String)] {
        func required(_ value: String?, _ member: String) -> [(member: String, detail: String)] {
            (value ?? "").isEmpty ? [(member, "is required for a \(type.rawValue) sink")] : []
        }
        switch type {
        case .filesystem:
            var missing = required(path, "path")
            if let path, !path.isEmpty, !path.hasPrefix("/") { missing.append(("path", "must be an absolute path")) }
            return missing
        case .s3:
            return required(endpoint, "endpoint") + required(region, "region") + required(bucket, "bucket")
                + required(accessKeyId, "accessKeyId") + required(secretAccessKey, "secretAccessKey")
        case .webdav, .dms:
            return required(url, "url")
        }
    }
}
