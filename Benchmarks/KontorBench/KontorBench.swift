import Foundation
import LexofficeKit

/// `KontorBench <suite>`: prints benchmark figures. Run in release: `swift run -c release KontorBench sdk`.
@main
enum KontorBench {
    static func main() async throws {
        let suite = CommandLine.arguments.dropFirst().first ?? "sdk"
        switch suite {
        case "sdk":
            try await SDKBenchmark.run()
        case "sandbox":
            try await SandboxBenchmark.run()
        case "queue":
            try await QueueBenchmark.run()
        case "hub":
            try await HubBenchmark.run()
        case "transfer":
            try await TransferBenchmark.run()
        case "customers":
            try await CustomerBenchmark.run()
        case "archive-sinks":
            try await ArchiveSinkBenchmark.run()
        case "archive-backfill":
            try await ArchiveBackfillBenchmark.run()
        case "einvoice":
            try EInvoiceBenchmark.run()
        case "forwarding":
            try await ForwardingBenchmark.run()
        default:
            FileHandle.standardError.write(
                Data(
                    "unknown suite '\(suite)'; available: sdk, sandbox, queue, hub, transfer, customers, archive-sinks, archive-backfill, einvoice, forwarding\n"
                        .utf8
                )
            )
            exit(64)
        }
    }
}
