import Foundation
import LexofficeKit
import Testing

/// The fixture comparison itself must catch a model that misspells or drops a field.
struct FixtureComparisonTests {
    /// `Ping` with its only field misspelled (`userMail` instead of `userEmail`).
    private struct MisspelledPing: Codable {
        var userMail: String?
    }

    @Test("a misspelled field shows up as a difference")
    func misspelledField() throws {
        let differences = try Fixtures.roundTripDifferences(MisspelledPing.self, "ping.json")
        #expect(differences == ["$.userEmail: missing after re-encoding"])
    }

    @Test("values are compared, numbers by exact decimal value")
    func values() {
        let left = JSONValue.object(["a": .number(Decimal(string: "89.0")!), "b": .string("x")])
        let same = JSONValue.object(["a": .number(89), "b": .string("x"), "c": .null])
        let other = JSONValue.object(["a": .number(Decimal(string: "89.01")!), "b": .string("x")])
        #expect(Fixtures.differences(left, same, path: "$").isEmpty)
        #expect(Fixtures.differences(left, other, path: "$") == ["$.a: number(89) != number(89.01)"])
    }
}
