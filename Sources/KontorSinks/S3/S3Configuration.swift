import Foundation
import KontorFlows
import LexofficeKit

/// Where and how an ``S3Sink`` writes: an S3-compatible endpoint, a bucket, credentials and the key layout.
package struct S3Configuration: Sendable {
    /// How the bucket is named in a request's address.
    package enum Addressing: String, Sendable, Hashable {
        /// `https://endpoint/bucket/key` (MinIO, Ceph, moto and most self-hosted stores).
        case path
        /// `https://bucket.endpoint/key` (AWS's default, Hetzner).
        case virtualHost = "virtual-host"
    }

    /// How a written object's integrity is checked by the store.
    package enum Checksum: String, Sendable, Hashable {
        /// `Content-MD5` (base64 MD5), understood by every S3-compatible store.
        case contentMD5 = "content-md5"
        /// `x-amz-checksum-sha256` (base64 SHA-256), AWS's newer checksum, also stored with the object.
        case sha256
    }

    /// The endpoint's scheme: `http` or `https`.
    package let scheme: String
    /// The endpoint's host, e.g. `s3.eu-central-1.amazonaws.com` or `127.0.0.1`.
    package let host: String
    /// The endpoint's port, if not the scheme's default.
    package let port: Int?
    /// The signing region, e.g. `eu-central-1`.
    package var region: String
    /// The bucket the documents go to; it must exist.
    package var bucket: String
    /// The access key id.
    package var accessKeyID: String
    /// The secret access key.
    package var secretAccessKey: Secret
    /// Path-style or virtual-host-style addressing.
    package var addressing: Addressing
    /// The integrity check sent with each object.
    package var checksum: Checksum
    /// Where a document's files go in the bucket.
    package var template: ArchiveKeyTemplate
    /// The deadline of each request.
    package var timeout: Duration

    /// A configuration for `endpoint` (`scheme://host[:port]`, no path).
    /// - Throws: ``ArchiveSinkError`` ``ArchiveSinkError/Code/invalidConfiguration`` for an endpoint that is not
    ///   an `http` or `https` URL without path, query or credentials, an empty region, or a bucket name S3 would
    ///   refuse.
    package init(
        endpoint: String,
        region: String,
        bucket: String,
        accessKeyID: String,
        secretAccessKey: Secret,
        addressing: Addressing = .path,
        checksum: Checksum = .contentMD5,
        template: ArchiveKeyTemplate = .standard,
        timeout: Duration = .seconds(30)
    ) throws(ArchiveSinkError) {
        guard let url = URLComponents(string: endpoint), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty,
            url.path.isEmpty || url.path == "/", url.query == nil, url.user == nil
        else {
            throw ArchiveSinkError(.invalidConfiguration, "the S3 endpoint must be http(s)://host[:port], no path")
        }
        guard !region.isEmpty, region.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw ArchiveSinkError(.invalidConfiguration, "the S3 region must be a name such as eu-central-1")
        }
        let bucketCharacters = bucket.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
        }
        guard (3...63).contains(bucket.count), bucketCharacters, !bucket.hasPrefix("-"), !bucket.hasPrefix(".")
        else {
            throw ArchiveSinkError(.invalidConfiguration, "'\(bucket)' is not a valid S3 bucket name")
        }
        self.scheme = scheme
        self.host = host
        self.port = url.port.flatMap { ($0 == 80 && scheme == "http") || ($0 == 443 && scheme == "https") ? nil : $0 }
        self.region = region
        self.bucket = bucket
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.addressing = addressing
        self.checksum = checksum
        self.template = template
        self.timeout = timeout
    }

    /// The `Host` header value and the URL of object `key` (`nil`: the bucket itself).
    package func address(of key: String?) -> (host: String, encodedPath: String, url: String) {
        let port = port.map { ":\($0)" } ?? ""
        let encodedKey = key.map { "/" + S3KeyEncoding.encode($0, keepingSlashes: true) } ?? ""
        let (hostHeader, path) =
            switch addressing {
            case .path: (host + port, "/" + bucket + encodedKey)
            case .virtualHost: (bucket + "." + host + port, encodedKey.isEmpty ? "/" : encodedKey)
            }
        return (hostHeader, path, "\(scheme)://\(hostHeader)\(path)")
    }
}
