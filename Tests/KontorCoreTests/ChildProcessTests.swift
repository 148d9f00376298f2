import Foundation
import KontorTestSupport
import Testing

/// The test support's child process, as the benchmarks read it: output, memory and processor time from `/proc`.
@Suite(.timeLimit(.minutes(1)))
struct ChildProcessTests {
    @Test("a child that computes for a while shows that processor time, and no more than the time it ran")
    func processorTime() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = ContinuousClock.now
        // A fixed amount of work (about 0.3 s of processor time here, without starting other processes), then idle
        // until stopped.
        let child = try ChildProcess(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo busy-done; exec sleep 30"],
            in: folder
        )
        defer { child.terminate() }
        _ = try await child.line(containing: "busy-done", timeout: .seconds(20))
        let used = try child.processorTime()
        let elapsed = ContinuousClock.now - started
        #expect(used >= .milliseconds(50), "the loop's work")
        #expect(used <= elapsed)
        try await Task.sleep(for: .milliseconds(300))
        let idle = try child.processorTime() - used
        #expect(idle <= .milliseconds(20), "sleeping costs no processor time")
        #expect(try child.residentBytes() > 0)
    }
}
