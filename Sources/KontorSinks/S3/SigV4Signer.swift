import Crypto
import Foundation
import KontorCore
import LexofficeKit

/// Signs HTTP requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256` in the `Authorization` header), as S3 and
/// S3-compatible stores (MinIO, Ceph, Hetzner) require.
///
/// Paths are encoded once, the way S3 wants them (other AWS services encode twice; this signer serves S3 and
/// IAM-style requests whose paths are `/`).
package struct SigV4Signer: Sendable {
    /// A request as it is signed.
    package struct Request: Sendable {
        /// The HTTP method, e.g. `PUT`.
        package var method: String
        /// The path as sent, already percent-encoded, e.g. `/bucket/a%20b.pdf`.
        package var encodedPath: String
        /// The query parameters, not encoded.
        package var query: [(name: String, value: String)]
        /// The headers to sign (`host` included; `x-amz-date` is added by ``sign(_:at:)``).
        package var headers: [(name: String, value: String)]
        /// The hex SHA-256 of the body (or `UNSIGNED-PAYLOAD`).
        package var payloadHash: String

        /// A request to sign.
        package init(
            method: String,
            encodedPath: String,
            query: [(name: String, value: String)] = [],
            headers: [(name: String, value: String)],
            payloadHash: String
        ) {
            self.method = method
            self.encodedPath = encodedPath
            self.query = query
            self.headers = headers
            self.payloadHash = payloadHash
        }
    }

    /// The access key id, sent in the clear in the credential scope.
    package var accessKeyID: String
    /// The secret access key; only HMAC keys derived from it leave this type.
    package var secretAccessKey: Secret
    /// The region, e.g. `eu-central-1` (`us-east-1` for most S3-compatible stores).
    package var region: String
    /// The service, `s3` for object storage.
    package var service: String

    /// A signer.
    package init(accessKeyID: String, secretAccessKey: Secret, region: String, service: String = "s3") {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.region = region
        self.service = service
    }

    /// The headers to add to `request` sent at `date`: `x-amz-date` and `authorization`.
    package func sign(_ request: Request, at date: Date) -> [(name: String, value: String)] {
        let timestamp = Self.timestamp(date)
        let day = String(timestamp.prefix(8))
        let (canonical, signedHeaders) = canonicalRequest(request, timestamp: timestamp)
        let toSign = stringToSign(canonicalRequest: canonical, timestamp: timestamp)
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(accessKeyID)/\(scope(day: day)), SignedHeaders=\(signedHeaders), "
            + "Signature=\(signature(of: toSign, day: day))"
        return [("x-amz-date", timestamp), ("authorization", authorization)]
    }

    /// The canonical request (task 1 of the SigV4 documentation) and its signed header list; `x-amz-date` is
    /// signed along with `request`'s headers.
    package func canonicalRequest(_ request: Request, timestamp: String) -> (request: String, signedHeaders: String) {
        var headers: [String: [String]] = [:]
        for (name, value) in request.headers + [("x-amz-date", timestamp)] {
            headers[name.lowercased(), default: []].append(Self.trimmed(value))
        }
        let names = headers.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(headers[$0, default: []].joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let query = canonicalQuery(request.query)
        let canonical = [
            request.method, request.encodedPath.isEmpty ? "/" : request.encodedPath, query, canonicalHeaders,
            signedHeaders, request.payloadHash,
        ]
        return (canonical.joined(separator: "\n"), signedHeaders)
    }

    /// The query parameters encoded and sorted by name, then value, joined with `&`.
    private func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map { parameter in
            (
                S3KeyEncoding.encode(parameter.name, keepingSlashes: false),
                S3KeyEncoding.encode(parameter.value, keepingSlashes: false)
            )
        }
        let sorted = encoded.sorted { left, right in
            left.name == right.name ? left.value < right.value : left.name < right.name
        }
        return sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// The string to sign (task 2): the algorithm, the time, the credential scope and the canonical request's
    /// hash.
    package func stringToSign(canonicalRequest: String, timestamp: String) -> String {
        [
            "AWS4-HMAC-SHA256", timestamp, scope(day: String(timestamp.prefix(8))),
            SHA256.hash(data: Data(canonicalRequest.utf8)).lowercaseHex,
        ].joined(separator: "\n")
    }

    /// The signature (tasks 3 and 4): HMAC-SHA256 of `stringToSign` with the key derived from the secret, the
    /// day, the region and the service, in lower-case hex.
    package func signature(of stringToSign: String, day: String) -> String {
        var key = SymmetricKey(data: Data("AWS4\(secretAccessKey.revealed)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return Data(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)).lowercaseHex
    }

    /// The credential scope, `20150830/us-east-1/s3/aws4_request`.
    private func scope(day: String) -> String {
        "\(day)/\(region)/\(service)/aws4_request"
    }

    /// `date` as SigV4 writes it: `20150830T123600Z` (UTC, whole seconds).
    package static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))T\(two(parts.hour))\(two(parts.minute))"
            + "\(two(parts.second))Z"
    }

    /// A header value trimmed, its inner runs of spaces collapsed to one.
    private static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
