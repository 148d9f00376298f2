import Foundation
import KontorTestSupport
import Testing

/// The web console's journeys in a real browser (issue 23): `Tests/Browser/console_journeys.py` drives Debian's
/// chromium with Playwright against `kontor serve` on its embedded defaults, as a new user would, and writes a
/// screenshot of every page to `.build/console-screenshots/`. `.ci/run` installs chromium and Playwright; without
/// them the test is skipped with that reason.
@Suite("Web console in a browser", .timeLimit(.minutes(5)))
struct ConsoleBrowserTests {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Python with Playwright: `KONTOR_TEST_BROWSER_PYTHON`, else the virtual environment `.ci/run` creates.
    private static let python: URL? = {
        let configured = ProcessInfo.processInfo.environment["KONTOR_TEST_BROWSER_PYTHON"]
        let path = configured ?? packageRoot.appendingPathComponent(".build/browser-venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
    }()

    private static let chromium = "/usr/bin/chromium"

    private static var isAvailable: Bool {
        python != nil && FileManager.default.isExecutableFile(atPath: chromium)
    }

    @Test(
        """
        sign in by link, set a password, sign out and in; create a tenant, connect it by API key, voucher variant, \
        activate; access key created and revoked; disconnect and connect by OAuth2; export and watch it finish; \
        retry a failed invoice; the archive into a folder by a backfill; the activity log; English
        """,
        .enabled(
            if: isAvailable,
            "needs chromium (apt-get install chromium) and Playwright in .build/browser-venv (.ci/run installs both)"
        )
    )
    func journeys() async throws {
        let binary = try #require(
            HubProcesses.binary,
            "the kontor binary is missing: build it with swift build --build-tests"
        )
        let python = try #require(Self.python)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kontor-console-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try ChildProcess(
            binary,
            [
                "serve", "--port", "0", "--data-dir", folder.path, "--config", folder.path + "/none.json",
                "--print-admin-token",
            ],
            in: folder
        )
        do {
            try await walk(hub, python: python)
        } catch {
            await hub.stop()
            throw error
        }
        await hub.stop()
    }

    private func walk(_ hub: ChildProcess, python: URL) async throws {
        let listening = try await hub.line(containing: "listening on")
        let baseURL = try #require(HubProcesses.word(after: "listening on", in: listening))
        let link = try #require(
            try await hub.line(containing: "/ui/sign-in/").split(separator: " ").last.map(String.init)
        )
        let token = try #require(
            try await hub.line(containing: "Admin token").split(separator: " ").last.map(String.init)
        )
        let shots = Self.packageRoot.appendingPathComponent(".build/console-screenshots")
        try? FileManager.default.removeItem(at: shots)

        let run = try SpawnedProcess.runToCompletion(
            python,
            arguments: [
                Self.packageRoot.appendingPathComponent("Tests/Browser/console_journeys.py").path,
                "--base", baseURL, "--link", link, "--token", token, "--shots", shots.path, "--chromium", Self.chromium,
            ]
        )
        #expect(run.status == 0, "the browser journeys failed:\n\(run.output)\n\(run.errors)\nhub:\n\(hub.printed)")
        #expect(run.output.contains("all journeys passed"))
        let pictures = (try? FileManager.default.contentsOfDirectory(atPath: shots.path)) ?? []
        #expect(pictures.filter { $0.hasSuffix(".png") }.count >= 12, "a screenshot of every page: \(pictures)")
    }
}
