import AsyncHTTPClient
import Foundation
import KontorCore
import KontorFlows
import KontorSinks
import KontorTestSupport
import LexofficeKit
import Testing

/// What the S3 sink sends and how it reads answers, against a scripted server.
@Suite(.timeLimit(.minutes(1)))
struct S3RequestTests {
    private static func configuration(
        _ endpoint: String,
        addressing: S3Configuration.Addressing = .path
    ) throws
        -> S3Configuration
    {
        try S3Configuration(
            endpoint: endpoint,
            region: "eu-central-1",
            bucket: "archive",
            accessKeyID: "AKIDEXAMPLE",
            secretAccessKey: Secret("secret"),
            addressing: addressing
        )
    }

    @Test("puts each file path-style with payload hash, Content-MD5, metadata and a SigV4 signature")
    func requestShape() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .respond(status: 200, headers: [], body: []) }) {
            server in
            try await withSinkHTTPClient { httpClient in
                let clock = ManualWallClock(Date(timeIntervalSince1970: 1_440_938_160))
                let sink = S3Sink(
                    configuration: try Self.configuration(server.baseURL),
                    httpClient: httpClient,
                    clock: clock
                )
                _ = try await sink.write(.fixture(withXML: false))
                let requests = server.requests
                #expect(requests.map(\.method) == ["PUT", "PUT"])
                #expect(
                    requests.map(\.uri) == [
                        "/archive/acme/2026/invoice/RE-1001.pdf", "/archive/acme/2026/invoice/RE-1001.json",
                    ]
                )
                let pdf = try #require(requests.first)
                #expect(pdf.header("x-amz-date") == "20150830T123600Z")
                #expect(pdf.header("x-amz-content-sha256") == SHA256Hex.of(pdf.body))
                #expect(pdf.header("content-md5") == MD5Base64.of(pdf.body))
                #expect(pdf.header("x-amz-meta-lexoffice-id") == "e9066f04-8cc7-4616-93f8-ac9ecc8479c8")
                #expect(pdf.header("x-amz-meta-document-number") == "RE-1001")
                #expect(pdf.header("content-type") == "application/pdf")
                let authorization = try #require(pdf.header("authorization"))
                #expect(
                    authorization.hasPrefix(
                        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-central-1/s3/aws4_request, "
                    )
                )
                #expect(
                    authorization.contains(
                        "SignedHeaders=content-md5;content-type;host;x-amz-content-sha256;x-amz-date;"
                    )
                )
                #expect(!authorization.contains("secret"))
            }
        }
    }

    @Test("addresses the bucket as a host name in virtual-host style")
    func virtualHost() throws {
        let configuration = try Self.configuration("https://s3.eu-central-1.amazonaws.com", addressing: .virtualHost)
        let address = configuration.address(of: "acme/2026/RE 1.pdf")
        #expect(address.host == "archive.s3.eu-central-1.amazonaws.com")
        #expect(address.encodedPath == "/acme/2026/RE%201.pdf")
        #expect(address.url == "https://archive.s3.eu-central-1.amazonaws.com/acme/2026/RE%201.pdf")
        let path = try Self.configuration("http://127.0.0.1:9000").address(of: "a.pdf")
        #expect(path.host == "127.0.0.1:9000")
        #expect(path.url == "http://127.0.0.1:9000/archive/a.pdf")
    }

    @Test(
        "maps S3 answers to permanent or retryable errors",
        arguments: [
            (503, "SlowDown", ArchiveSinkError.Code.serverError),
            (500, "InternalError", .serverError),
            (403, "SignatureDoesNotMatch", .accessDenied),
            (403, "InvalidAccessKeyId", .accessDenied),
            (404, "NoSuchBucket", .destinationMissing),
            (400, "AuthorizationHeaderMalformed", .invalidConfiguration),
            (301, "PermanentRedirect", .invalidConfiguration),
            (400, "InvalidArgument", .rejected),
            (502, "", .serverError),
        ]
    )
    func errorMapping(status: Int, s3Code: String, expected: ArchiveSinkError.Code) async throws {
        let body =
            s3Code.isEmpty ? "" : "<?xml version=\"1.0\"?><Error><Code>\(s3Code)</Code><Message>m</Message></Error>"
        try await ScriptedHTTPServer.withServer(
            .replying { _ in
                .respond(status: status, headers: [("Content-Type", "application/xml")], body: Array(body.utf8))
            }
        ) { server in
            try await withSinkHTTPClient { httpClient in
                let sink = S3Sink(configuration: try Self.configuration(server.baseURL), httpClient: httpClient)
                let error = await #expect(throws: ArchiveSinkError.self) { try await sink.write(.fixture()) }
                #expect(error?.code == expected)
                #expect(error?.httpStatus == status)
                #expect(server.requests.count == 1)
            }
        }
    }

    @Test("a store that does not answer is retryable")
    func unreachable() async throws {
        let port = try RefusingPort()
        defer { port.close() }
        try await withSinkHTTPClient { httpClient in
            // AsyncHTTPClient retries a refused connection until the deadline: keep it short.
            var configuration = try Self.configuration("http://127.0.0.1:\(port.port)")
            configuration.timeout = .seconds(1)
            let sink = S3Sink(configuration: configuration, httpClient: httpClient)
            let error = await #expect(throws: ArchiveSinkError.self) { try await sink.write(.fixture()) }
            #expect(error?.code == .unavailable)
            #expect(error?.isRetryable == true)
        }
    }

    @Test(
        "refuses endpoints, regions and bucket names that cannot work",
        arguments: [
            ("ftp://s3.example", "eu-central-1", "archive"),
            ("https://s3.example/prefix", "eu-central-1", "archive"),
            ("https://s3.example", "", "archive"),
            ("https://s3.example", "eu-central-1", "Archive_1"),
            ("https://s3.example", "eu-central-1", "ab"),
        ]
    )
    func invalidConfiguration(endpoint: String, region: String, bucket: String) {
        let error = #expect(throws: ArchiveSinkError.self) {
            try S3Configuration(
                endpoint: endpoint,
                region: region,
                bucket: bucket,
                accessKeyID: "a",
                secretAccessKey: Secret("s")
            )
        }
        #expect(error?.code == .invalidConfiguration)
    }
}
