import ArgumentParser
import Foundation
import LexofficeKit
import Logging

extension Kontor {
    /// The process entry point: runs the command line and exits with an ``ExitStatus`` code.
    static func main() async {
        LoggingSystem.bootstrap { ConsoleLogHandler(label: $0) }
        Foundation.exit(await execute(Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses `arguments`, runs the command and reports a failure on the ``Console``.
    ///
    /// Unlike ArgumentParser's default (64), a usage error exits with 2; LexofficeKit errors exit with 2, 3 or 4
    /// (see ``CommandFailure/init(_:)``).
    /// - Returns: the exit code.
    static func execute(_ arguments: [String]) async -> Int32 {
        let console = Console.current
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitStatus.success.rawValue
        } catch let failure as CommandFailure {
            console.note(failure.description)
            return failure.status.rawValue
        } catch let error as LexofficeError {
            let failure = CommandFailure(error)
            console.note(failure.description)
            return failure.status.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { console.line(message) }
                return ExitStatus.success.rawValue
            }
            if !message.isEmpty { console.note(message) }
            return code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue
        }
    }
}
