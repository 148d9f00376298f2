import Foundation
import Synchronization

/// A child process started with `posix_spawn`, for tests and benchmarks that run built executables and tools.
///
/// Not Foundation's `Process`: on Linux its `run()` reads past the end of a buffer while it lists `/proc/self/fd`
/// (swift-corelibs-foundation pull request 5472, not in Swift 6.3.1) and now and then crashed the whole test run
/// with SIGSEGV. The child gets `/dev/null` as standard input, its output in a file or discarded, the signal
/// handling of a new process, and none of the parent's other file descriptors.
package final class SpawnedProcess: Sendable {
    /// Where a standard output stream of the child goes.
    package enum Output: Sendable {
        /// Where the parent's goes.
        case inherited
        /// To `/dev/null`.
        case discarded
        /// Appended to the file at the path (created when missing).
        case file(String)

        /// The file the stream is opened on in the child; `nil` to keep the parent's.
        var path: String? {
            switch self {
            case .inherited: nil
            case .discarded: "/dev/null"
            case .file(let path): path
            }
        }
    }

    /// Why a process could not be started.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// The child's process id.
    package let processIdentifier: pid_t
    /// The child's exit status once it was reaped: the exit code, or 128 + the signal that ended it.
    private let exitStatus = Mutex<Int32?>(nil)

    /// Starts `executable` with `arguments`.
    /// - Parameters:
    ///   - environment: The child's whole environment; `nil` passes the parent's on.
    ///   - currentDirectory: The child's working directory; `nil` keeps the parent's.
    /// - Throws: ``Failure`` when the process cannot be started.
    package init(
        _ executable: URL,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        currentDirectory: URL? = nil,
        standardOutput: Output = .discarded,
        standardError: Output = .discarded
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        let outputFlags = O_WRONLY | O_CREAT | O_APPEND
        try Self.check(posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0), "redirect stdin")
        for (descriptor, output) in [(Int32(1), standardOutput), (2, standardError)] {
            guard let path = output.path else { continue }
            try Self.check(
                posix_spawn_file_actions_addopen(&actions, descriptor, path, outputFlags, 0o644),
                "redirect descriptor \(descriptor) to \(path)"
            )
        }
        try Self.check(SpawnExtensions.closeFrom(&actions, 3), "close inherited descriptors")
        if let currentDirectory {
            try Self.check(SpawnExtensions.changeDirectory(&actions, currentDirectory.path), "change directory")
        }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let path = executable.path
        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let code = Self.withCStrings([path] + arguments) { argv in
            Self.withCStrings(environment) { envp in posix_spawn(&pid, path, &actions, &attributes, argv, envp) }
        }
        try Self.check(code, "start \(path)")
        processIdentifier = pid
    }

    /// How a process run to its end ended, and what it printed.
    package struct Completion: Sendable {
        /// The exit code, or 128 + the signal that ended the process.
        package var status: Int32
        /// Its standard output.
        package var output: String
        /// Its standard error.
        package var errors: String
    }

    /// Runs `executable` to its end, blocking the calling thread (for short-lived tools); its output is collected
    /// in temporary files, so a chatty stream can never stall it.
    /// - Throws: ``Failure`` when the process cannot be started.
    package static func runToCompletion(
        _ executable: URL,
        arguments: [String] = [],
        environment: [String: String]? = nil
    ) throws -> Completion {
        let output = CapturedOutput()
        defer { output.remove() }
        let process = try output.start(executable, arguments: arguments, environment: environment)
        return output.completion(status: process.waitUntilExit())
    }

    /// Runs `executable` to its end like ``runToCompletion(_:arguments:environment:)``, but waits without holding a
    /// thread of the concurrency pool: a server in the same process needs them all (e.g. under a load generator).
    /// - Throws: ``Failure`` when the process cannot be started or did not end within `timeout` (it is then killed).
    package static func runToCompletion(
        _ executable: URL,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        timeout: Duration
    ) async throws -> Completion {
        let output = CapturedOutput()
        defer { output.remove() }
        let process = try output.start(executable, arguments: arguments, environment: environment)
        guard let status = await process.waitForExit(timeout: timeout) else {
            process.send(SIGKILL)
            _ = process.waitUntilExit()
            throw Failure(description: "\(executable.path) did not end within \(timeout)")
        }
        return output.completion(status: status)
    }

    /// The temporary files a run's standard output and error go to.
    private struct CapturedOutput {
        let outputPath: String
        let errorsPath: String

        init() {
            let stem = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-run-\(UUID().uuidString)")
            outputPath = stem.path + ".out"
            errorsPath = stem.path + ".err"
        }

        func start(_ executable: URL, arguments: [String], environment: [String: String]?) throws -> SpawnedProcess {
            try SpawnedProcess(
                executable,
                arguments: arguments,
                environment: environment,
                standardOutput: .file(outputPath),
                standardError: .file(errorsPath)
            )
        }

        func completion(status: Int32) -> Completion {
            let read = { (path: String) in
                FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            return Completion(status: status, output: read(outputPath), errors: read(errorsPath))
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorsPath)
        }
    }

    /// Whether the process still runs (a process that ended is reaped here).
    package var isRunning: Bool { reapedStatus() == nil }

    /// The exit code (or 128 + the ending signal) once the process ended; `nil` while it runs.
    package var terminationStatus: Int32? { reapedStatus() }

    /// Sends `signal` to the process, unless it has ended and was reaped (its id may belong to another by then).
    package func send(_ signal: Int32) {
        exitStatus.withLock { status in
            if status == nil { kill(processIdentifier, signal) }
        }
    }

    /// Waits (polling, at most `timeout`) for the process to end; its ``terminationStatus``, or `nil` on timeout.
    package func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if let status = reapedStatus() { return status }
            guard ContinuousClock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Blocks the calling thread until the process ends (for short-lived tools) and returns its status.
    package func waitUntilExit() -> Int32 {
        exitStatus.withLock { status in
            if let status { return status }
            var raw: Int32 = 0
            while waitpid(processIdentifier, &raw, 0) < 0, errno == EINTR {}
            let ended = Self.decode(raw)
            status = ended
            return ended
        }
    }

    /// Reaps the process when it has ended (without blocking); its status, or `nil` while it runs.
    private func reapedStatus() -> Int32? {
        exitStatus.withLock { status in
            if let status { return status }
            var raw: Int32 = 0
            guard waitpid(processIdentifier, &raw, WNOHANG) == processIdentifier else { return nil }
            status = Self.decode(raw)
            return status
        }
    }

    /// The exit code of a `waitpid` status, or 128 + the signal that ended the process.
    private static func decode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7F
        return signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
    }

    private static func check(_ code: Int32, _ step: String) throws {
        guard code == 0 else { throw Failure(description: "cannot \(step): \(String(cString: strerror(code)))") }
    }

    /// Runs `body` with `strings` as a `NULL`-terminated array of C strings.
    private static func withCStrings<Result>(
        _ strings: [String],
        _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) throws -> Result
    ) rethrows -> Result {
        let copies = strings.map { strdup($0) } + [nil]
        defer { for copy in copies { free(copy) } }
        return try copies.withUnsafeBufferPointer { buffer in try body(buffer.baseAddress!) }
    }
}

/// glibc's `posix_spawn` file actions that Swift's Glibc module does not declare (they need `_GNU_SOURCE`), looked
/// up at run time: `addclosefrom_np` (glibc 2.34) and `addchdir_np` (glibc 2.29).
private enum SpawnExtensions {
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// Closes every descriptor from `lowest` up in the child; `ENOSYS` when this glibc cannot.
    static func closeFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32 {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return ENOSYS }
        return unsafeBitCast(symbol, to: CloseFrom.self)(actions, lowest)
    }

    /// Changes the child's working directory to `path`; `ENOSYS` when this glibc cannot.
    static func changeDirectory(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Int32 {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return ENOSYS }
        return path.withCString { unsafeBitCast(symbol, to: ChangeDirectory.self)(actions, $0) }
    }
}
