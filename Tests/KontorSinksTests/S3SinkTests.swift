import AsyncHTTPClient
import Foundation
import KontorFlows
import KontorSinks
import LexofficeKit
import Testing

/// The S3 sink against a real S3 stand-in: moto_server started per test on a free port, authentication enforced.
@Suite(
    .enabled(if: MotoServer.executable != nil, "moto_server is not installed (pip install 'moto[server]')"),
    .timeLimit(.minutes(1))
)
struct S3SinkTests {
    // The number has a space and a slash; not a non-ASCII letter: moto 5.2's own signature check fails for
    // non-ASCII keys also with botocore as the client (tried), so those keys are covered by the signer's tests.
    @Test("writes the files with metadata, reads them back signed, and overwrites them on a second write")
    func writesReadsOverwrites() async throws {
        try await MotoServer.with { moto in
            try await withSinkHTTPClient { httpClient in
                let sink = S3Sink(configuration: try moto.configuration(bucket: "archive"), httpClient: httpClient)
                try await sink.client.createBucket()

                let keys = try await sink.write(.fixture(number: "RE 1001/7", status: "open"))
                #expect(
                    keys.map(\.key) == [
                        "acme/2026/invoice/RE 1001_7.pdf", "acme/2026/invoice/RE 1001_7.xml",
                        "acme/2026/invoice/RE 1001_7.json",
                    ]
                )
                let pdf = try await sink.client.getObject(keys[0].key)
                #expect(pdf.contents == ArchiveDocument.fixture(number: "RE 1001/7").pdf)
                #expect(pdf.contentType == "application/pdf")
                #expect(pdf.metadata["lexoffice-id"] == "e9066f04-8cc7-4616-93f8-ac9ecc8479c8")
                #expect(pdf.metadata["document-type"] == "invoice")
                #expect(pdf.metadata["document-number"] == "RE 1001/7")
                #expect(pdf.metadata["customer-number"] == "10042")

                let paid = ArchiveDocument.fixture(number: "RE 1001/7", status: "paid")
                #expect(try await sink.write(paid) == keys)
                #expect(try await sink.client.getObject(keys[2].key).contents == paid.metadata)
            }
        }
    }

    @Test("writes with the SHA-256 checksum instead of Content-MD5")
    func sha256Checksum() async throws {
        try await MotoServer.with { moto in
            try await withSinkHTTPClient { httpClient in
                var configuration = try moto.configuration(bucket: "checked")
                configuration.checksum = .sha256
                let sink = S3Sink(configuration: configuration, httpClient: httpClient)
                try await sink.client.createBucket()
                let keys = try await sink.write(.fixture(withXML: false))
                #expect(try await sink.client.getObject(keys[1].key).contents == ArchiveDocument.fixture().metadata)
            }
        }
    }

    @Test("wrong credentials and a missing bucket are permanent errors")
    func permanentErrors() async throws {
        try await MotoServer.with { moto in
            try await withSinkHTTPClient { httpClient in
                try await S3Sink(configuration: try moto.configuration(bucket: "archive"), httpClient: httpClient)
                    .client.createBucket()

                let wrongSecret = S3Sink(
                    configuration: try moto.configuration(bucket: "archive", secret: Secret("not-the-secret")),
                    httpClient: httpClient
                )
                let signature = await #expect(throws: ArchiveSinkError.self) { try await wrongSecret.write(.fixture()) }
                #expect(signature?.code == .accessDenied)
                #expect(signature?.httpStatus == 403)
                #expect(signature?.isRetryable == false)
                #expect(signature?.description.contains("not-the-secret") == false)

                let unknownKey = S3Sink(
                    configuration: try moto.configuration(bucket: "archive", accessKeyID: "AKIAUNKNOWNKEY000000"),
                    httpClient: httpClient
                )
                let key = await #expect(throws: ArchiveSinkError.self) { try await unknownKey.write(.fixture()) }
                #expect(key?.code == .accessDenied)

                let missing = S3Sink(
                    configuration: try moto.configuration(bucket: "no-such-bucket"),
                    httpClient: httpClient
                )
                let bucket = await #expect(throws: ArchiveSinkError.self) { try await missing.write(.fixture()) }
                #expect(bucket?.code == .destinationMissing)
                #expect(bucket?.isRetryable == false)
            }
        }
    }
}
