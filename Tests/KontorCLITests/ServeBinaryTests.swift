import AsyncHTTPClient
import Foundation
import KontorTestSupport
import NIOCore
import NIOHTTP1
import Testing

/// `kontor serve` as the built binary on its embedded defaults: first start, the API with the printed token, the
/// mounted sandbox, a webhook from the sandbox reaching the hub, graceful stop, and a second start on the same data.
@Suite(.timeLimit(.minutes(2)))
struct ServeBinaryTests {
    private static let binary = builtExecutable(named: "kontor")

    /// A running `kontor serve` and what it printed.
    private struct Hub {
        let process: SpawnedProcess
        let printed: String

        func line(containing marker: String) -> String? {
            printed.split(separator: "\n").first { $0.contains(marker) }.map(String.init)
        }

        var baseURL: String? {
            line(containing: "listening on")?.split(separator: " ").dropFirst(4).first.map(String.init)
        }
    }

    private func start(
        _ binary: URL,
        in folder: URL,
        until marker: String,
        dataDirectory: URL? = nil,
        arguments extra: [String] = [],
        environment: [String: String] = [:]
    ) async throws -> Hub {
        let output = folder.appendingPathComponent("serve-\(UUID().uuidString).log")
        let data = (dataDirectory ?? folder).path
        let process = try SpawnedProcess(
            binary,
            arguments: ["serve", "--port", "0", "--data-dir", data, "--config", folder.path + "/none.json"] + extra,
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
            currentDirectory: folder,
            standardOutput: .file(output.path)
        )
        var printed = ""
        let started = try await eventually(timeout: .seconds(60)) {
            printed = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            return printed.contains(marker)
        }
        if !started { process.send(SIGKILL) }
        try #require(started, "kontor serve did not print '\(marker)': \(printed)")
        return Hub(process: process, printed: printed)
    }

    private func get(_ url: String, token: String) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    /// Subscribes the demo tenant to `contact.created` too (not one the hub acts on), so that creating a contact in
    /// the mounted sandbox sends the hub a webhook.
    private static let contactEvents = ["KONTOR_LEXOFFICE_EVENTS": "contact.created"]

    /// Creates a customer in the hub's mounted sandbox (which sends `contact.created` to the hub); the HTTP status.
    /// The demo tenant's connection uses the same API key right after the start, and the sandbox allows 2
    /// requests/s per key: a 429 (nothing created) is tried again a second later, up to 10 times.
    private func createSandboxContact(_ name: String, baseURL: String, key: String) async throws -> UInt {
        var create = HTTPClientRequest(url: baseURL + "/sandbox/v1/contacts")
        create.method = .POST
        create.headers.add(name: "Authorization", value: "Bearer \(key)")
        create.headers.add(name: "Content-Type", value: "application/json")
        create.body = .bytes(
            ByteBuffer(string: #"{"version":0,"roles":{"customer":{}},"company":{"name":"\#(name)"}}"#)
        )
        var status: UInt = 0
        for _ in 0..<10 {
            status = try await HTTPClient.shared.execute(create, timeout: .seconds(10)).status.code
            guard status == 429 else { return status }
            try await Task.sleep(for: .seconds(1))
        }
        return status
    }

    private func stop(_ hub: Hub) async {
        hub.process.send(SIGINT)
        #expect(await hub.process.waitForExit(timeout: .seconds(20)) == 0, "SIGINT stops the hub gracefully")
    }

    @Test("on a fresh data folder: the folder is 0700; the SQLite files, the master key and every other file 0600")
    func dataFolderModes() async throws {
        let binary = try #require(Self.binary, "the kontor binary is missing: build it with swift build --build-tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")

        let hub = try await start(binary, in: folder, until: "Admin token", dataDirectory: data)
        defer { hub.process.send(SIGKILL) }
        func mode(_ name: String) throws -> Int? {
            let path = name.isEmpty ? data.path : data.appendingPathComponent(name).path
            return (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        }
        #expect(try mode("") == 0o700, "the data folder")
        for name in ["kontor.sqlite", "kontor.sqlite-wal", "kontor.sqlite-shm", "master.key", "admin-token"] {
            #expect(try mode(name) == 0o600, "\(name)")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: data.path) {
            #expect(try mode(name).map { $0 & 0o077 } == 0, "\(name) is for the hub's user only")
        }
        await stop(hub)
    }

    @Test(
        """
        the first start writes a token to a 0600 file in the data folder and prints its path, not the token, and \
        creates a connected demo tenant; a restart keeps them and prints no token
        """
    )
    func embeddedDefaults() async throws {
        let binary = try #require(Self.binary, "the kontor binary is missing: build it with swift build --build-tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let first = try await start(binary, in: folder, until: "Admin token", environment: Self.contactEvents)
        defer { first.process.send(SIGKILL) }
        let baseURL = try #require(first.baseURL)
        let tokenFile = folder.appendingPathComponent("admin-token").standardizedFileURL.path
        #expect(
            first.line(containing: "Admin token")
                == "Admin token written to a file only you can read (mode 0600): \(tokenFile)"
        )
        let attributes = try FileManager.default.attributesOfItem(atPath: tokenFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let contents = try String(contentsOfFile: tokenFile, encoding: .utf8)
        #expect(contents.hasPrefix("kt_") && contents.hasSuffix("\n") && contents.split(separator: "\n").count == 1)
        let token = contents.trimmingCharacters(in: .newlines)
        #expect(!first.printed.contains(token), "the token itself is printed nowhere")
        #expect(!first.printed.contains("kt_"))
        let sandboxKey = try #require(first.line(containing: "API key:")?.split(separator: " ").last.map(String.init))
        #expect(first.printed.contains("Demo tenant 'demo' created"))

        let tenant = try await get(baseURL + "/api/v1/tenants/demo/connection", token: token)
        #expect(tenant.0 == 200)
        #expect(tenant.1.contains("\"status\":\"connected\""))
        #expect(try await get(baseURL + "/api/v1/tenants", token: "kt_wrong.token").0 == 401)
        #expect(try await get(baseURL + "/readyz", token: "").0 == 200)

        let created = try await createSandboxContact("Webhook GmbH", baseURL: baseURL, key: sandboxKey)
        #expect((200..<300).contains(created), "the sandbox created the contact (HTTP \(created))")
        #expect(
            try await eventually(timeout: .seconds(20)) {
                try await get(baseURL + "/api/v1/tenants/demo/activity?kind=lexoffice.event", token: token).1
                    .contains("contact.created")
            },
            "the sandbox's webhook reached the hub, was verified, queued and handled"
        )
        await stop(first)

        let second = try await start(binary, in: folder, until: "API key:")
        defer { second.process.send(SIGKILL) }
        #expect(!second.printed.contains("Admin token"))
        #expect(!second.printed.contains("Demo tenant"))
        #expect(try String(contentsOfFile: tokenFile, encoding: .utf8) == contents, "the file stays as it was")
        #expect(second.printed.contains(sandboxKey), "the sandbox keeps its key in the data folder")
        let again = try #require(second.baseURL)
        #expect(try await get(again + "/api/v1/tenants/demo", token: token).0 == 200, "the token survives restarts")
        await stop(second)
    }

    @Test(
        """
        with --print-admin-token the first token is printed instead of written; with workers.tenants 0 the process \
        only receives: events wait, staged, for a process with workers
        """
    )
    func receiveOnlyProcess() async throws {
        let binary = try #require(Self.binary, "the kontor binary is missing: build it with swift build --build-tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let receiver = try await start(
            binary,
            in: folder,
            until: "Admin token",
            arguments: ["--print-admin-token"],
            environment: Self.contactEvents.merging(["KONTOR_WORKERS_TENANTS": "0"]) { $1 }
        )
        defer { receiver.process.send(SIGKILL) }
        let baseURL = try #require(receiver.baseURL)
        let token = try #require(receiver.line(containing: "Admin token")?.split(separator: " ").last.map(String.init))
        #expect(token.hasPrefix("kt_"), "--print-admin-token prints the token")
        #expect(
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("admin-token").path),
            "a printed token is written to no file"
        )
        let sandboxKey = try #require(
            receiver.line(containing: "API key:")?.split(separator: " ").last.map(String.init)
        )
        #expect((200..<300).contains(try await createSandboxContact("Queue GmbH", baseURL: baseURL, key: sandboxKey)))
        #expect(
            try await eventually(timeout: .seconds(20)) {
                try await get(baseURL + "/metrics", token: "").1.contains("\nkontor_staged_jobs 1")
            },
            "the webhook was received and staged for the queue"
        )
        #expect(
            try await !get(baseURL + "/api/v1/jobs", token: token).1.contains("lexoffice.event"),
            "a process without workers leaves admission into the queue to the processes that work it"
        )
        try await Task.sleep(for: .seconds(1))
        let activity = try await get(baseURL + "/api/v1/tenants/demo/activity?kind=lexoffice.event", token: token).1
        #expect(!activity.contains("contact.created"), "no job runs in a process without workers")
        await stop(receiver)

        let worker = try await start(binary, in: folder, until: "API key:", environment: Self.contactEvents)
        defer { worker.process.send(SIGKILL) }
        let workerURL = try #require(worker.baseURL)
        #expect(
            try await eventually(timeout: .seconds(20)) {
                try await get(workerURL + "/api/v1/tenants/demo/activity?kind=lexoffice.event", token: token).1
                    .contains("contact.created")
            },
            "a process with workers handles the queued event"
        )
        await stop(worker)
    }
}
