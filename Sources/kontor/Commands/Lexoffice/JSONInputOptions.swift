import ArgumentParser
import Foundation
import LexofficeKit

/// `--data`: a JSON document from a file (`@path`), standard input (`-`) or the argument itself.
struct JSONInputOptions: ParsableArguments {
    @Option(
        name: [.customLong("data"), .customShort("d")],
        help: ArgumentHelp("JSON: @FILE reads a file, - reads standard input, anything else is the JSON itself.")
    )
    var data: String?

    /// The raw bytes, or `nil` without `--data`.
    /// - Throws: ``CommandFailure`` (usage) for an unreadable file.
    func bytes() throws -> Data? {
        guard let data else { return nil }
        if data == "-" { return Console.current.readInput() }
        if data.hasPrefix("@") {
            let path = String(data.dropFirst())
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandFailure("cannot read \(path)", status: .usage)
            }
            return contents
        }
        return Data(data.utf8)
    }

    /// The JSON object given, or `nil` without `--data`.
    /// - Throws: ``CommandFailure`` (usage) when the input is not a JSON object.
    func object() throws -> JSONValue? {
        guard let bytes = try bytes() else { return nil }
        guard let value = try? LexofficeJSON.decode(JSONValue.self, from: bytes), case .object = value else {
            throw CommandFailure("--data must be a JSON object", status: .usage)
        }
        return value
    }

    /// `current` with `--data` applied as a JSON merge patch, then `fields`, then `version` (when given): what an
    /// `update` command sends.
    /// - Throws: ``CommandFailure`` (usage) for bad input; decoding errors when the result is not a `Model`.
    func patched<Model: Codable>(
        _ current: Model,
        version: Int?,
        fields: (inout JSONValue) -> Void
    ) throws -> Model {
        var document = try JSONValue(encoding: current).merged(with: try object() ?? .object([:]))
        fields(&document)
        if let version { document.set(.number(Decimal(version)), at: "version") }
        return try document.decoded(as: Model.self)
    }
}
