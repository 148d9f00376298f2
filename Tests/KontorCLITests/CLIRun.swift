import Foundation
import LexofficeKit
import Synchronization
import Testing

@testable import kontor

/// One in-process run of `kontor`: exit code, standard output and standard error.
struct CLIRun {
    let status: Int32
    let output: String
    let errors: String

    /// Standard output parsed as JSON.
    func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        do {
            return try LexofficeJSON.decode(JSONValue.self, from: Data(output.utf8))
        } catch {
            Issue.record("not JSON (exit \(status)): \(output) \(errors)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// Runs `kontor arguments` in this process with `input` as standard input.
    static func kontor(_ arguments: [String], input: Data = Data()) async -> CLIRun {
        let output = Buffer()
        let errors = Buffer()
        let console = Console(
            writeOutput: { output.append($0) },
            writeError: { errors.append($0) },
            readInput: { input }
        )
        let status = await Console.$current.withValue(console) { await Kontor.execute(arguments) }
        return CLIRun(status: status, output: output.text, errors: errors.text)
    }

    /// Collects written bytes; written from the command's tasks, read after it finished.
    private final class Buffer: Sendable {
        private let bytes = Mutex(Data())

        func append(_ data: Data) {
            bytes.withLock { $0.append(data) }
        }

        var text: String { String(decoding: bytes.withLock { $0 }, as: UTF8.self) }
    }
}

extension JSONValue {
    /// The elements of an array (empty for other values).
    var elements: [JSONValue] {
        if case .array(let elements) = self { elements } else { [] }
    }

    /// The element at `index` of an array.
    subscript(index: Int) -> JSONValue? {
        elements.indices.contains(index) ? elements[index] : nil
    }
}
