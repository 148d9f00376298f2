import AsyncHTTPClient
import Crypto
import Foundation
import KontorCore
import KontorFlows
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The few S3 operations the archive needs (put, get, create bucket), each signed with ``SigV4Signer``.
package struct S3Client: Sendable {
    /// An object as read back.
    package struct Object: Sendable {
        /// The object's bytes.
        package var contents: Data
        /// Its user metadata: the `x-amz-meta-` headers without the prefix, names in lower case.
        package var metadata: [String: String]
        /// Its `Content-Type`.
        package var contentType: String?
    }

    /// Where and as whom the client works.
    package let configuration: S3Configuration
    private let httpClient: HTTPClient
    private let clock: any WallClock
    private let signer: SigV4Signer

    /// A client sending through `httpClient` (whose redirects should be off: a redirect is reported, not
    /// followed), signing with `clock`'s time.
    package init(configuration: S3Configuration, httpClient: HTTPClient, clock: any WallClock = SystemWallClock()) {
        self.configuration = configuration
        self.httpClient = httpClient
        self.clock = clock
        signer = SigV4Signer(
            accessKeyID: configuration.accessKeyID,
            secretAccessKey: configuration.secretAccessKey,
            region: configuration.region
        )
    }

    /// Writes (or replaces) the object `key` with `contents`, its `contentType` and user `metadata` (names
    /// without the `x-amz-meta-` prefix; values are percent-encoded outside printable ASCII).
    /// - Throws: ``ArchiveSinkError``.
    package func putObject(
        _ key: String,
        contents: Data,
        contentType: String,
        metadata: [String: String] = [:]
    ) async throws {
        var headers = [("content-type", contentType)]
        switch configuration.checksum {
        case .contentMD5:
            headers.append(("content-md5", Data(Insecure.MD5.hash(data: contents)).base64EncodedString()))
        case .sha256:
            headers.append(("x-amz-checksum-sha256", Data(SHA256.hash(data: contents)).base64EncodedString()))
        }
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) {
            headers.append(("x-amz-meta-\(name.lowercased())", Self.headerSafe(value)))
        }
        _ = try await send(.PUT, key: key, headers: headers, body: contents, operation: "PUT \(key)")
    }

    /// Reads the object `key`.
    /// - Throws: ``ArchiveSinkError``; a missing object is ``ArchiveSinkError/Code/destinationMissing``.
    package func getObject(_ key: String) async throws -> Object {
        let (response, body) = try await send(.GET, key: key, headers: [], body: Data(), operation: "GET \(key)")
        var metadata: [String: String] = [:]
        for header in response.headers where header.name.lowercased().hasPrefix("x-amz-meta-") {
            metadata[String(header.name.lowercased().dropFirst("x-amz-meta-".count))] =
                header.value.removingPercentEncoding ?? header.value
        }
        return Object(
            contents: Data(buffer: body),
            metadata: metadata,
            contentType: response.headers.first(name: "content-type")
        )
    }

    /// Creates the bucket (for tests and setup tools; the sink never creates buckets).
    /// - Throws: ``ArchiveSinkError``.
    package func createBucket() async throws {
        _ = try await send(.PUT, key: nil, headers: [], body: Data(), operation: "create bucket")
    }

    private func send(
        _ method: HTTPMethod,
        key: String?,
        headers: [(String, String)],
        body: Data,
        operation: String
    ) async throws -> (response: HTTPClientResponse, body: ByteBuffer) {
        let address = configuration.address(of: key)
        let payloadHash = SHA256.hash(data: body).lowercaseHex
        let signed = [("host", address.host), ("x-amz-content-sha256", payloadHash)] + headers
        let signature = signer.sign(
            SigV4Signer.Request(
                method: method.rawValue,
                encodedPath: address.encodedPath,
                headers: signed.map { (name: $0.0, value: $0.1) },
                payloadHash: payloadHash
            ),
            at: clock.now
        )
        var request = HTTPClientRequest(url: address.url)
        request.method = method
        for (name, value) in signed.dropFirst() + signature.map({ ($0.name, $0.value) }) {
            request.headers.add(name: name, value: value)
        }
        request.headers.replaceOrAdd(name: "host", value: address.host)
        if method == .PUT { request.body = .bytes(ByteBuffer(data: body)) }
        let answer = try await SinkHTTP.send(request, on: httpClient, timeout: configuration.timeout, sink: "S3")
        guard (200..<300).contains(Int(answer.response.status.code)) else {
            throw S3ErrorDocument.failure(
                status: Int(answer.response.status.code),
                body: answer.body,
                operation: "S3 \(operation) in bucket \(configuration.bucket)"
            )
        }
        return answer
    }

    /// `value` with everything outside printable ASCII (and `%`) percent-encoded: header values are ASCII.
    private static func headerSafe(_ value: String) -> String {
        let allowed = CharacterSet(charactersIn: " !\"#$&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`")
            .union(CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz{|}~"))
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
