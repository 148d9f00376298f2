import Foundation
import KontorTestSupport
import Testing

/// The test support's process spawner (used instead of Foundation's `Process`, which crashes now and then on Linux):
/// exit codes, output, working directory, signals, and no inherited descriptors.
@Suite(.timeLimit(.minutes(1)))
struct SpawnedProcessTests {
    private static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test("a tool run to its end gives its exit code, output and errors, with the environment given")
    func runToCompletion() throws {
        let run = try SpawnedProcess.runToCompletion(
            Self.shell,
            arguments: ["-c", "echo \"out $GREETING\"; echo err >&2; exit 3"],
            environment: ["GREETING": "moin", "PATH": "/usr/bin:/bin"]
        )
        #expect(run.status == 3)
        #expect(run.output == "out moin\n")
        #expect(run.errors == "err\n")
    }

    @Test("the child starts in the folder given, with only standard input, output and error open")
    func folderAndDescriptors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A descriptor of the parent's without close-on-exec: the child must not get it.
        let leaked = open(folder.path, O_RDONLY)
        #expect(leaked > 2)
        defer { close(leaked) }
        let output = folder.appendingPathComponent("out.txt")
        let process = try SpawnedProcess(
            Self.shell,
            arguments: ["-c", "pwd; ls /proc/self/fd"],
            currentDirectory: folder,
            standardOutput: .file(output.path)
        )
        #expect(process.waitUntilExit() == 0)
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(
            lines.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == folder.resolvingSymlinksInPath().path
        )
        // `ls` itself holds one descriptor open for reading the folder.
        let descriptors = Set(lines.dropFirst().compactMap { Int32($0) })
        #expect(!descriptors.contains(leaked), "descriptors: \(descriptors)")
        #expect(descriptors.isSuperset(of: [0, 1, 2]))
        #expect(descriptors.count <= 4, "descriptors: \(descriptors)")
    }

    @Test("a signal ends a running process; its status is 128 + the signal, and it is reaped once")
    func signalAndStatus() async throws {
        let process = try SpawnedProcess(Self.shell, arguments: ["-c", "exec sleep 30"])
        #expect(process.isRunning)
        #expect(process.terminationStatus == nil)
        process.send(SIGKILL)
        #expect(await process.waitForExit(timeout: .seconds(10)) == 128 + SIGKILL)
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 128 + SIGKILL)
        process.send(SIGKILL)  // after reaping: nothing is sent
        #expect(process.waitUntilExit() == 128 + SIGKILL)
    }

    @Test("an executable that does not exist cannot be started")
    func missingExecutable() {
        #expect(throws: SpawnedProcess.Failure.self) {
            _ = try SpawnedProcess(URL(fileURLWithPath: "/nonexistent/kontor-tool"))
        }
    }
}
