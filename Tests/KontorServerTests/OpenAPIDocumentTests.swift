import Foundation
import HTTPTypes
import Testing

/// The OpenAPI document (`Sources/KontorServer/Resources/openapi.yaml`) and the router agree, and it is served.
@Suite("OpenAPI document", .timeLimit(.minutes(1)))
struct OpenAPIDocumentTests {
    @Test("every API route the router registers is in the document's paths, and every documented operation is a route")
    func routesAndDocumentAgree() async throws {
        // The web console's pages (`/`, `/ui/…`, its icon) are for people, not part of the API contract.
        let routes = try await RegisteredRoutes.all().filter { route in
            let path = route.split(separator: " ").last ?? ""
            return !["/", "/favicon.ico"].contains(path) && !path.hasPrefix("/ui")
        }
        let documented = Self.operations(inOpenAPI: try Self.document())
        #expect(documented.count >= 20, "the parser found too few operations: \(documented.sorted())")
        #expect(routes.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
        #expect(documented.subtracting(routes).sorted() == [], "documented operations the router does not serve")
    }

    @Test("GET /openapi.yaml answers the document as application/yaml without a token")
    func servesDocument() async throws {
        try await HubHarness.with { hub in
            let answer = try await hub.send(.get, "/openapi.yaml", token: "")
            #expect(answer.status == 200)
            #expect(answer.headers["content-type"] == "application/yaml")
            #expect(answer.body == (try Self.document()))
            #expect(answer.body.hasPrefix("openapi: 3.1.0\n"))
        }
    }

    @Test("the document's TimeZoneID lists exactly the zones the hub accepts: Foundation's IANA ids and UTC")
    func timeZonesAgree() throws {
        let text = try Self.document()
        let start = try #require(text.range(of: "    TimeZoneID:\n"))
        let list = try #require(text[start.upperBound...].range(of: "enum: ["))
        let end = try #require(text[list.upperBound...].firstIndex(of: "]"))
        let documented = text[list.upperBound..<end].split(whereSeparator: { $0 == "," || $0.isWhitespace })
            .map(String.init)
        #expect(documented.count == Set(documented).count, "no zone twice")
        #expect(Set(documented) == Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"]))
    }

    /// The document as it is in the repository.
    private static func document() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/KontorServer/Resources/openapi.yaml")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The operations of the document's `paths`, as `METHOD /path`. A line-based reading of the block layout this
    /// document uses (paths indented by 2 spaces, methods by 4); no YAML library is in the package graph.
    static func operations(inOpenAPI text: String) -> Set<String> {
        let methods: Set<Substring> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
        var operations: Set<String> = []
        var inPaths = false
        var path: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first != " ", first != "#" {
                inPaths = line == "paths:"
                path = nil
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = line.dropFirst(2).dropLast()
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let key = line.dropFirst(4).prefix { $0 != ":" }
                if methods.contains(key) { operations.insert("\(key.uppercased()) \(path)") }
            }
        }
        return operations
    }
}
