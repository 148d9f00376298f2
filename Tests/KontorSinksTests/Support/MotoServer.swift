import AsyncHTTPClient
import Crypto
import Foundation
import KontorCore
import KontorFlows
import KontorSinks
import KontorTestSupport
import LexofficeKit
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// moto's S3 stand-in (`moto_server`, PyPI `moto[server]`) with authentication enforced, for the S3 sink tests.
///
/// moto accepts any credentials by default. Started with `INITIAL_NO_AUTH_ACTION_COUNT=3` it lets the first three
/// actions through unauthenticated (here: IAM `CreateUser`, `CreateAccessKey`, `PutUserPolicy` allowing `s3:*`)
/// and then checks every request's SigV4 signature against the IAM user's keys, recomputing it with botocore:
/// a wrong secret gets moto's `403 SignatureDoesNotMatch`, an unknown key `403 InvalidAccessKeyId`.
struct MotoServer {
    static let executable = ExternalServer.executable(named: "moto_server")

    /// `http://127.0.0.1:PORT`.
    let endpoint: String
    /// The IAM user's access key id.
    let accessKeyID: String
    /// The IAM user's secret access key.
    let secretAccessKey: Secret

    /// A sink configuration for `bucket` with the provisioned credentials.
    func configuration(bucket: String, secret: Secret? = nil, accessKeyID: String? = nil) throws -> S3Configuration {
        try S3Configuration(
            endpoint: endpoint,
            region: "us-east-1",
            bucket: bucket,
            accessKeyID: accessKeyID ?? self.accessKeyID,
            secretAccessKey: secret ?? secretAccessKey
        )
    }

    /// Starts moto, provisions an IAM user with S3 rights, runs `body`, stops moto.
    static func with<Result>(_ body: (MotoServer) async throws -> Result) async throws -> Result {
        try await ExternalServer.with(
            "moto_server",
            environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"],
            readinessPath: "/moto-api/",
            arguments: ["-H", "127.0.0.1", "-p", "{port}"]
        ) { server in
            let iam = IAMQuery(endpoint: server.baseURL)
            _ = try await iam.call(["Action": "CreateUser", "UserName": "kontor"])
            let key = try await iam.call(["Action": "CreateAccessKey", "UserName": "kontor"])
            let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
            _ = try await iam.call([
                "Action": "PutUserPolicy", "UserName": "kontor", "PolicyName": "archive", "PolicyDocument": policy,
            ])
            guard let id = element("AccessKeyId", in: key), let secret = element("SecretAccessKey", in: key) else {
                throw ExternalServer.Unavailable("moto's CreateAccessKey answer has no key: \(key)")
            }
            return try await body(
                MotoServer(endpoint: server.baseURL, accessKeyID: id, secretAccessKey: Secret(secret))
            )
        }
    }

    private static func element(_ name: String, in xml: String) -> String? {
        guard let start = xml.range(of: "<\(name)>"), let end = xml.range(of: "</\(name)>") else { return nil }
        return String(xml[start.upperBound..<end.lowerBound])
    }
}

/// An IAM query API call (form-encoded POST), signed with our signer for service `iam` so that moto routes it.
private struct IAMQuery {
    let endpoint: String

    func call(_ parameters: [String: String]) async throws -> String {
        let form = (parameters.merging(["Version": "2010-05-08"]) { old, _ in old })
            .sorted { $0.key < $1.key }
            .map { "\($0.key)=\(S3KeyEncoding.encode($0.value, keepingSlashes: false))" }
            .joined(separator: "&")
        let body = Data(form.utf8)
        let host = String(endpoint.dropFirst("http://".count))
        let contentType = "application/x-www-form-urlencoded; charset=utf-8"
        let signer = SigV4Signer(
            accessKeyID: "bootstrap",
            secretAccessKey: Secret("bootstrap"),
            region: "us-east-1",
            service: "iam"
        )
        let hash = SHA256.hash(data: body).lowercaseHex
        let signature = signer.sign(
            SigV4Signer.Request(
                method: "POST",
                encodedPath: "/",
                headers: [("host", host), ("content-type", contentType)],
                payloadHash: hash
            ),
            at: Date()
        )
        var request = HTTPClientRequest(url: endpoint + "/")
        request.method = .POST
        request.headers.add(name: "content-type", value: contentType)
        for header in signature { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(data: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        guard response.status == .ok else {
            throw ExternalServer.Unavailable(
                "IAM \(parameters["Action"] ?? "") answered \(response.status): \(text)"
            )
        }
        return text
    }
}
