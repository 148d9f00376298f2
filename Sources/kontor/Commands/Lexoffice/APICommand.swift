import ArgumentParser
import Foundation
import LexofficeKit

/// `kontor lexoffice api METHOD PATH`: any call; prints the response body as lexoffice sent it.
struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Send any request to the lexoffice API and print the response body as is.",
        discussion: """
            Examples:
              kontor lexoffice api GET voucherlist -q voucherType=invoice -q voucherStatus=open
              kontor lexoffice api POST contacts --data @contact.json
              echo '{"note":"x"}' | kontor lexoffice api PUT contacts/ID --data -
            An error status prints the body too and exits with 3.
            """,
        aliases: ["call"]
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var input: JSONInputOptions

    @Argument(help: "The HTTP method: GET, POST, PUT or DELETE.")
    var method: String

    @Argument(
        help: "The path below the API root, e.g. profile or contacts/ID; /v1/profile as in lexoffice's docs works too."
    )
    var path: String

    @Option(name: [.customShort("q"), .long], help: "A query parameter NAME=VALUE (repeatable; encoded for you).")
    var query: [String] = []

    @Option(
        help: ArgumentHelp("A file whose content is sent as the JSON body (same as --data @FILE).", visibility: .hidden)
    )
    var body: String?

    @Option(help: "The Accept header (e.g. application/pdf for documents).")
    var accept: String = "application/json"

    @Option(name: [.customShort("o"), .long], help: "Write the response body to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard ["GET", "POST", "PUT", "DELETE"].contains(method.uppercased()) else {
            throw ValidationError("method must be GET, POST, PUT or DELETE, not \(method)")
        }
        for parameter in query where !parameter.contains("=") {
            throw ValidationError("query parameter '\(parameter)' must look like NAME=VALUE")
        }
        guard body == nil || input.data == nil else { throw ValidationError("give --data or --body, not both") }
    }

    func run() async throws {
        let client = try await connection.makeClient()
        let bodyData =
            try body.map { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CommandFailure("cannot read the body file \(path)", status: .usage)
                }
                return data
            } ?? input.bytes()
        let pairs = query.map { parameter in
            let parts = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            return (name: parts[0], value: parts.count > 1 ? parts[1] : "")
        }
        let response = try await client.raw(
            method,
            path: Self.pathBelowAPIRoot(path),
            query: pairs,
            body: bodyData,
            accept: accept
        )
        try write(response)
        guard (200..<300).contains(response.status) else { throw Self.failure(response) }
    }

    /// The path below the API root (which ends in `/v1`): `/v1/profile` and `v1/profile`, as lexoffice's docs
    /// write paths, name `profile` like `profile` and `/profile` do.
    private static func pathBelowAPIRoot(_ path: String) -> String {
        var below = path.drop { $0 == "/" }
        if below.hasPrefix("v1/") { below = below.dropFirst("v1/".count).drop { $0 == "/" } }
        return String(below)
    }

    /// Writes the body to `--output` or standard output. On standard output a JSON body gets a final line break
    /// (so the shell prompt starts on its own line); other bodies (PDF, XML) stay byte for byte.
    private func write(_ response: LexofficeResponse) throws {
        let body = response.body
        if let output {
            do {
                try body.write(to: URL(fileURLWithPath: output))
            } catch {
                throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
            }
        } else if !body.isEmpty {
            Console.current.writeOutput(body)
            let isJSON = response.header("Content-Type")?.contains("json") == true
            if isJSON, body.last != UInt8(ascii: "\n") { Console.current.line("") }
        }
    }

    /// Exit 3 with the status, lexoffice's message and its trace id.
    private static func failure(_ response: LexofficeResponse) -> CommandFailure {
        let errorBody = LexofficeErrorBody(json: response.body)
        var lines = ["error: lexoffice answered HTTP \(response.status)"]
        lines += CommandFailure.detailLines(of: errorBody)
        if let traceID = errorBody?.traceID { lines.append("  trace id: \(traceID)") }
        return CommandFailure(lines.joined(separator: "\n"), status: .lexoffice)
    }
}
