import AsyncHTTPClient
import Foundation
import KontorCore
import KontorFlows
import KontorSinks
import Testing

/// The sinks the hub makes from a tenant's settings: the right sink per type, settings that cannot work refused with
/// `sink-invalid-configuration`, a sidecar update writing only the sidecar, and the DMS stamp against a real Mayan.
struct ConfiguredArchiveSinksTests {
    private let acme = TenantID("acme")

    private func sink(
        _ type: ArchiveSinkSettings.Kind,
        _ set: (inout ArchiveSinkSettings) -> Void
    ) -> ArchiveSinkSettings {
        var settings = ArchiveSinkSettings(type: type)
        set(&settings)
        return settings
    }

    @Test(
        "a filesystem sink from settings writes with the settings' template; a sidecar update writes only the sidecar"
    )
    func filesystem() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await withSinkHTTPClient { httpClient in
            let sinks = ConfiguredArchiveSinks(httpClient: httpClient)
            let settings = sink(.filesystem) {
                $0.path = folder.path
                $0.template = "{tenant}/{type}/{number}"
            }
            let made = try sinks.sink(for: settings, of: acme)
            let keys = try await made.write(.fixture(status: "open"))
            #expect(keys.map(\.key).first == "acme/invoice/RE-1001.pdf")
            let pdf = folder.contents(of: "acme/invoice/RE-1001.pdf")
            var update = ArchiveDocument.fixture(status: "paid")
            update.pdf = Data()
            update.isSidecarUpdate = true
            let updated = try await made.write(update)
            #expect(updated.map(\.kind) == [.metadata])
            #expect(folder.contents(of: "acme/invoice/RE-1001.pdf") == pdf, "the PDF stays as written")
            #expect(folder.contents(of: "acme/invoice/RE-1001.json") == update.metadata)
        }
    }

    @Test("settings that cannot work are refused before anything is written")
    func invalid() async throws {
        try await withSinkHTTPClient { httpClient in
            let sinks = ConfiguredArchiveSinks(httpClient: httpClient)
            let cases = [
                sink(.filesystem) {
                    $0.path = "/srv"
                    $0.template = "{tenant}/../{number}"
                },
                sink(.s3) {
                    $0.endpoint = "http://127.0.0.1:9"
                    $0.region = "eu-central-1"
                    $0.bucket = "No_Such"
                },
                sink(.s3) {
                    $0.endpoint = "http://127.0.0.1:9"
                    $0.region = "eu-central-1"
                    $0.bucket = "archive"
                    $0.addressing = "sideways"
                },
                sink(.webdav) { $0.url = "ftp://127.0.0.1/dav/" },
                sink(.dms) { $0.url = "http://user@127.0.0.1/" },
            ]
            for settings in cases {
                let error = #expect(throws: ArchiveSinkError.self) { try sinks.validate(settings) }
                #expect(error?.code == .invalidConfiguration, "\(settings)")
            }
            let unstamped = #expect(throws: ArchiveSinkError.self) {
                try sinks.sink(for: sink(.dms) { $0.url = "http://127.0.0.1:9" }, of: acme)
            }
            #expect(unstamped?.code == .accessDenied, "a DMS without its stamp's token is not written to")
        }
    }

    @Test(
        "the stamp logs in once, prepares the DMS and returns a token the sink writes with; a wrong password is refused",
        .enabled(if: TestMayan.url != nil, "set KONTOR_TEST_MAYAN_URL (scripts/mayan-throwaway.sh start prints it)"),
        .timeLimit(.minutes(1))
    )
    func stamp() async throws {
        let baseURL = try #require(TestMayan.url)
        try await withSinkHTTPClient { httpClient in
            let sinks = ConfiguredArchiveSinks(httpClient: httpClient)
            var settings = sink(.dms) { $0.url = baseURL }
            let token = try await sinks.stamp(
                settings,
                of: acme,
                username: TestMayan.user,
                password: TestMayan.password
            )
            #expect(!token.isEmpty)
            let cabinets = try await TestMayan.object("cabinets/", token: token)["results"] as? [[String: Any]]
            #expect(cabinets?.contains { $0["label"] as? String == "lexoffice acme" } == true)
            settings.token = token
            let keys = try await sinks.sink(for: settings, of: acme).write(.fixture(status: "open"))
            #expect(keys.first?.key.hasPrefix("documents/") == true)
            let refused = await #expect(throws: ArchiveSinkError.self) {
                _ = try await sinks.stamp(settings, of: acme, username: TestMayan.user, password: "wrong")
            }
            #expect(refused?.code == .accessDenied)
        }
    }
}
