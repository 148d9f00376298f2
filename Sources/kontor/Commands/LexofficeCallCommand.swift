import ArgumentParser
import Foundation
import LexofficeKit

/// `kontor lexoffice call METHOD PATH`: any API call; prints the response body, exits non-zero on errors.
struct LexofficeCallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Send any request to the lexoffice API and print the response body.",
        discussion: "Example: kontor lexoffice call GET voucherlist -q voucherType=invoice -q voucherStatus=open"
    )

    @OptionGroup var connection: LexofficeConnectionOptions

    @Argument(help: "The HTTP method: GET, POST, PUT or DELETE.")
    var method: String

    @Argument(help: "The path below the API root, e.g. profile or contacts/ID.")
    var path: String

    @Option(name: [.customShort("q"), .long], help: "A query parameter NAME=VALUE (repeatable; encoded for you).")
    var query: [String] = []

    @Option(help: "A file whose content is sent as the JSON body.")
    var body: String?

    @Option(help: "The Accept header (e.g. application/pdf for documents).")
    var accept: String = "application/json"

    @Option(help: "Write the response body to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard ["GET", "POST", "PUT", "DELETE"].contains(method.uppercased()) else {
            throw ValidationError("method must be GET, POST, PUT or DELETE, not \(method)")
        }
        for parameter in query where !parameter.contains("=") {
            throw ValidationError("query parameter '\(parameter)' must look like NAME=VALUE")
        }
    }

    func run() async throws {
        let client = try connection.makeClient()
        let bodyData = try body.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read the body file \(path)")
            }
            return data
        }
        let pairs = query.map { parameter in
            let parts = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            return (name: parts[0], value: parts.count > 1 ? parts[1] : "")
        }
        let response = try await client.raw(method, path: path, query: pairs, body: bodyData, accept: accept)
        if let output {
            try response.body.write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(response.body)
            if response.body.last != UInt8(ascii: "\n") { print() }
        }
        guard (200..<300).contains(response.status) else {
            throw CommandFailure("lexoffice answered HTTP \(response.status)")
        }
    }
}
