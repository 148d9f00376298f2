import AsyncHTTPClient
import Foundation
import KontorCore
import KontorFlows
import KontorSinks
import KontorTestSupport
import LexofficeKit
import NIOCore

/// The `archive-sinks` suite: documents/s written to the filesystem sink (a temp folder, every file fsynced) and
/// to the S3 sink against moto_server on 127.0.0.1 (skipped when moto_server is not installed), sequentially and
/// with 4 writes in flight. Each document is a 40 KB PDF, a 12 KB XML and a 1 KB sidecar.
enum ArchiveSinkBenchmark {
    static let filesystemDocuments = 400
    static let s3Documents = 200
    static let concurrency = 4

    static func run() async throws {
        #if DEBUG
        print("warning: debug build — run `swift run -c release KontorBench archive-sinks` for meaningful figures")
        #endif
        print("KontorBench archive-sinks (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let filesystem = FilesystemSink(root: folder.path)
        try await measure("filesystem", filesystem, documents: filesystemDocuments, concurrency: 1)
        try await measure("filesystem", filesystem, documents: filesystemDocuments, concurrency: concurrency)
        try await withMoto(in: folder) { endpoint in
            let httpClient = HTTPClient(configuration: .archiveSinks)
            do {
                let configuration = try S3Configuration(
                    endpoint: endpoint,
                    region: "us-east-1",
                    bucket: "bench",
                    accessKeyID: "bench",
                    secretAccessKey: Secret("bench")
                )
                let sink = S3Sink(configuration: configuration, httpClient: httpClient)
                try await sink.client.createBucket()
                try await measure("s3 (moto)", sink, documents: s3Documents, concurrency: 1)
                try await measure("s3 (moto)", sink, documents: s3Documents, concurrency: concurrency)
                try await httpClient.shutdown()
            } catch {
                try? await httpClient.shutdown()
                throw error
            }
        }
    }

    private static func measure(
        _ name: String,
        _ sink: some ArchiveSink,
        documents: Int,
        concurrency: Int
    ) async throws {
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<concurrency {
                group.addTask {
                    for index in stride(from: lane, to: documents, by: concurrency) {
                        _ = try await sink.write(document(index))
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = (ContinuousClock.now - start).inSeconds
        report(
            "\(name), \(concurrency) in flight: \(documents) documents in \(String(format: "%.2f", seconds)) s = "
                + "\(String(format: "%.0f", Double(documents) / seconds)) documents/s"
        )
    }

    private static let pdf = Data(repeating: 0x25, count: 40_000)
    private static let xml = Data(repeating: 0x3C, count: 12_000)

    private static func document(_ index: Int) -> ArchiveDocument {
        ArchiveDocument(
            tenant: TenantID("t\(index % 10)"),
            lexofficeID: UUID().uuidString.lowercased(),
            type: index.isMultiple(of: 5) ? .creditNote : .invoice,
            number: "RE-\(100_000 + index)",
            year: 2026,
            pdf: pdf,
            xml: xml,
            metadata: Data(String(repeating: "{\"k\":\"v\"}", count: 100).utf8)
        )
    }

    /// Runs `body` with the endpoint of a moto_server started on a free port; prints a skip line without one.
    private static func withMoto(in folder: URL, _ body: (String) async throws -> Void) async throws {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        guard
            let moto = paths.map({ URL(fileURLWithPath: String($0)).appendingPathComponent("moto_server") })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else {
            report("s3 (moto): skipped (moto_server is not installed: pip install 'moto[server]')")
            return
        }
        let reserved = try RefusingPort()
        let port = reserved.port
        reserved.close()
        let process = try ChildProcess(moto, ["-H", "127.0.0.1", "-p", "\(port)"], in: folder)
        let endpoint = "http://127.0.0.1:\(port)"
        do {
            let deadline = ContinuousClock.now.advanced(by: .seconds(30))
            var ready = false
            while !ready, ContinuousClock.now < deadline, process.isRunning {
                ready =
                    (try? await HTTPClient.shared.execute(
                        HTTPClientRequest(url: endpoint + "/moto-api/"),
                        timeout: .seconds(2)
                    )) != nil
                if !ready { try await Task.sleep(for: .milliseconds(100)) }
            }
            guard ready else { throw BenchmarkFailure(description: "moto_server did not answer: \(process.printed)") }
            try await body(endpoint)
            await process.stop()
        } catch {
            await process.stop()
            throw error
        }
    }
}
