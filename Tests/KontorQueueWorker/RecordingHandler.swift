import Foundation
import KontorFlows
import KontorStore

/// Runs each job by waiting `jobDuration`, then appends one line `owner tenant job start-µs end-µs` to the log
/// with a single `write` on an `O_APPEND` descriptor, so lines of several processes never mix.
struct RecordingHandler: JobHandler {
    let owner: String
    let logDescriptor: Int32
    let jobDuration: Duration

    func handle(_ job: Job) async -> JobOutcome {
        let start = Self.microsecondsNow()
        do {
            try await Task.sleep(for: jobDuration)
        } catch {
            return .retry(reason: "cancelled")
        }
        let end = Self.microsecondsNow()
        let line = Array("\(owner) \(job.tenantID) \(job.id) \(start) \(end)\n".utf8)
        let written = line.withUnsafeBytes { write(logDescriptor, $0.baseAddress, $0.count) }
        return written == line.count ? .completed : .retry(reason: "cannot write the log")
    }

    private static func microsecondsNow() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }
}
