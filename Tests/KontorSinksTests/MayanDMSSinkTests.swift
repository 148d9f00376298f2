import AsyncHTTPClient
import Foundation
import KontorFlows
import KontorSinks
import LexofficeKit
import Testing

/// The DMS sink against a real Mayan EDMS (`scripts/mayan-throwaway.sh start`, about 2 minutes to set up, so it
/// is started once by CI rather than per test).
@Suite(
    .enabled(if: TestMayan.url != nil, "set KONTOR_TEST_MAYAN_URL (scripts/mayan-throwaway.sh start prints it)"),
    .timeLimit(.minutes(1))
)
struct MayanDMSSinkTests {
    private static func document(_ lexofficeID: String, status: String) -> ArchiveDocument {
        var document = ArchiveDocument.fixture(number: "RE-\(lexofficeID.prefix(6))", status: status)
        document.lexofficeID = lexofficeID
        return document
    }

    @Test("logs in once, uploads the document with its metadata, and updates the same document on a second write")
    func writesAndUpdates() async throws {
        let baseURL = try #require(TestMayan.url)
        try await withSinkHTTPClient { httpClient in
            let token = try await MayanAPI.obtainToken(
                baseURL: baseURL,
                username: TestMayan.user,
                password: Secret(TestMayan.password),
                httpClient: httpClient
            )
            let configuration = try MayanConfiguration(baseURL: baseURL, token: token)
            let lexofficeID = UUID().uuidString.lowercased()

            let keys = try await MayanDMSSink(configuration: configuration, httpClient: httpClient)
                .write(Self.document(lexofficeID, status: "open"))
            let key = try #require(keys.first?.key)
            #expect(keys.map(\.kind) == [.pdf, .metadata])
            #expect(key.hasPrefix("documents/"))

            // A new sink (a restart, or a retry after an unknown outcome) finds the document instead of uploading.
            let paid = Self.document(lexofficeID, status: "paid")
            #expect(try await MayanDMSSink(configuration: configuration, httpClient: httpClient).write(paid) == keys)

            let stored = try await TestMayan.object(key + "/", token: token.revealed)
            #expect(stored["label"] as? String == "\(paid.number) (\(lexofficeID))")
            #expect(stored["description"] as? String == String(decoding: paid.metadata, as: UTF8.self))
            let metadata = try await TestMayan.object(key + "/metadata/", token: token.revealed)
            let values = (metadata["results"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
            #expect(Set(values) == [lexofficeID, paid.number, "invoice", "10042"], "the customer number too")
            let type = try #require((stored["document_type"] as? [String: Any])?["id"] as? Int)
            let all = try await TestMayan.object(
                "document_types/\(type)/documents/?page_size=1000",
                token: token.revealed
            )
            let copies = (all["results"] as? [[String: Any]] ?? []).filter {
                ($0["label"] as? String)?.contains(lexofficeID) == true
            }
            #expect(copies.count == 1)
        }
    }

    @Test("a wrong password and a wrong token are permanent errors")
    func permanentErrors() async throws {
        let baseURL = try #require(TestMayan.url)
        try await withSinkHTTPClient { httpClient in
            let login = await #expect(throws: ArchiveSinkError.self) {
                try await MayanAPI.obtainToken(
                    baseURL: baseURL,
                    username: TestMayan.user,
                    password: Secret("wrong"),
                    httpClient: httpClient
                )
            }
            #expect(login?.code == .accessDenied)
            #expect(login?.description.contains("wrong") == false)

            let sink = MayanDMSSink(
                configuration: try MayanConfiguration(baseURL: baseURL, token: Secret("0000")),
                httpClient: httpClient
            )
            let token = await #expect(throws: ArchiveSinkError.self) {
                try await sink.write(Self.document(UUID().uuidString.lowercased(), status: "open"))
            }
            #expect(token?.code == .accessDenied)
            #expect(token?.isRetryable == false)
        }
    }
}
