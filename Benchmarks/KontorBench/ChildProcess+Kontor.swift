import Foundation
import KontorTestSupport

extension ChildProcess {
    /// Starts the `kontor` binary built next to this benchmark with `arguments` and `environment` added.
    /// - Throws: ``BenchmarkFailure`` when the binary is missing (build it: `swift build -c release`).
    convenience init(kontor arguments: [String], environment: [String: String] = [:], in folder: URL) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("kontor")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchmarkFailure(description: "\(binary.path) is missing: run `swift build -c release` first")
        }
        try self.init(binary, arguments, environment: environment, in: folder)
    }
}
