import Foundation
import LexofficeKit
import Testing

@testable import kontor

/// The table and JSON helpers behind every command's output.
struct OutputFormattingTests {
    @Test("a table pads columns, upper-cases headers and shortens long cells")
    func table() {
        let long = String(repeating: "x", count: 60)
        let table = TextTable(headers: ["Name", "ID"], rows: [["Radhaus", "1"], [long, "2"]]).rendered()
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[0] == "NAME" + String(repeating: " ", count: 44) + "  ID")
        #expect(lines[1].hasPrefix("Radhaus   "))
        #expect(lines[2] == String(repeating: "x", count: 47) + "…  2")
    }

    @Test("fields are listed by dotted path; empty containers and arrays are shown")
    func leaves() throws {
        let document = try LexofficeJSON.decode(
            JSONValue.self,
            from: Data(#"{"b":{"c":[1,{"d":true}]},"a":"x","e":{},"f":null}"#.utf8)
        )
        let leaves = document.leaves.map { "\($0.path)=\($0.value.cellText)" }
        #expect(leaves == ["a=x", "b.c.0=1", "b.c.1.d=true", "e={}", "f="])
        #expect(document.value(at: "b.c.1.d") == .bool(true))
    }

    @Test("a merge patch merges objects, replaces values and removes null members")
    func mergePatch() throws {
        let current = try LexofficeJSON.decode(JSONValue.self, from: Data(#"{"a":{"b":1,"c":2},"d":[1],"e":3}"#.utf8))
        let patch = try LexofficeJSON.decode(
            JSONValue.self,
            from: Data(#"{"a":{"b":null,"x":4},"d":[2],"e":null}"#.utf8)
        )
        var merged = current.merged(with: patch)
        merged.set(.string("neu"), at: "f.g")
        let expected = try LexofficeJSON.decode(
            JSONValue.self,
            from: Data(#"{"a":{"c":2,"x":4},"d":[2],"f":{"g":"neu"}}"#.utf8)
        )
        #expect(merged == expected)
    }

    @Test("JSON output is indented with sorted keys, so it is stable")
    func stableJSON() throws {
        let text = String(decoding: try OutputOptions.prettyJSON(["b": 1, "a": 2]), as: UTF8.self)
        #expect(text == "{\n  \"a\" : 2,\n  \"b\" : 1\n}\n")
    }
}
