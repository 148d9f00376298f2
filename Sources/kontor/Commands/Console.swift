import Foundation

/// Where commands write results (standard output), notes and errors (standard error), and read input.
///
/// Commands use ``current``; tests bind their own buffers with `Console.$current.withValue(…)`, so the CLI can be
/// run in process and its output asserted.
struct Console: Sendable {
    /// Writes bytes to standard output.
    var writeOutput: @Sendable (Data) -> Void
    /// Writes bytes to standard error.
    var writeError: @Sendable (Data) -> Void
    /// Reads standard input to its end.
    var readInput: @Sendable () -> Data

    /// The process's standard streams.
    static let standard = Console(
        writeOutput: { FileHandle.standardOutput.write($0) },
        writeError: { FileHandle.standardError.write($0) },
        readInput: { FileHandle.standardInput.readDataToEndOfFile() }
    )

    /// The console of the running command.
    @TaskLocal static var current = Console.standard

    /// Writes `text` and a line break to standard output.
    func line(_ text: String) {
        writeOutput(Data((text + "\n").utf8))
    }

    /// Writes `text` and a line break to standard error (progress, hints, errors).
    func note(_ text: String) {
        writeError(Data((text + "\n").utf8))
    }
}
