import Foundation
import KontorCore
import KontorTestSupport
import Testing

@testable import KontorServer

/// The invoice resource is written directly (every `PUT` answers with one) from its own list of members. Checked
/// against the type itself: every stored property (found by reflection) is written under its name with its value,
/// absent ones left out, dates as ISO 8601 (whole seconds, as the hub's `JSONEncoder` writes them), keys sorted:
/// byte for byte what Foundation's `JSONSerialization` writes for that.
@Suite("Invoice resource JSON")
struct InvoiceRepresentationJSONTests {
    private static func writerJSON(_ value: SourceInvoiceRepresentation) -> String {
        var json = CanonicalJSONWriter()
        json.object { value.writeMembers(to: &$0) }
        return json.text
    }

    /// What the JSON of `value` must hold: each property by name; `nil` left out; dates as text; arrays and nested
    /// values alike.
    private static func expectedJSONValue(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return expectedJSONValue(wrapped)
        }
        switch value {
        case let date as Date: return date.formatted(.iso8601)
        case let text as String: return text
        case let number as Int: return number
        case let elements as [Any]: return elements.map { expectedJSONValue($0) as Any }
        default:
            var object: [String: Any] = [:]
            for child in mirror.children {
                guard let name = child.label, let member = expectedJSONValue(child.value) else { continue }
                object[name] = member
            }
            return object
        }
    }

    private static func expectWritten(_ resource: SourceInvoiceRepresentation) throws {
        let text = writerJSON(resource)
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
        let expected = try JSONSerialization.data(
            withJSONObject: try #require(expectedJSONValue(resource)),
            options: [.sortedKeys, .withoutEscapingSlashes]
        )
        #expect(text == String(decoding: expected, as: UTF8.self))
    }

    @Test("300 random resources, every member present or absent, steps or none: all written, as JSON, keys sorted")
    func random() throws {
        var generator = SeededGenerator(seed: 20_261_202)
        let pieces = ["a", "Z", " ", "/", "\\", "\"", "\n", "\u{1}", "ä", "€", "😀", "R-", "0"]
        func text() -> String {
            (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &generator) ? value() : nil }
        func date() -> Date {
            // 1970 to 2100, in milliseconds, as stored.
            Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800_000, using: &generator)) / 1_000)
        }
        for _ in 0..<300 {
            let resource = SourceInvoiceRepresentation(
                sourceId: text(),
                number: text(),
                date: text(),
                status: text(),
                paymentStatus: maybe(text()),
                cancels: maybe(text()),
                state: text(),
                stateReason: maybe(text()),
                lexofficeId: maybe(text()),
                voucherNumber: maybe(text()),
                customerNumber: maybe(text()),
                lexofficeType: maybe(text()),
                lexofficeStatus: maybe(text()),
                totalsDifference: maybe(text()),
                deepLink: maybe(text()),
                receivedAt: date(),
                updatedAt: date(),
                version: Int.random(in: 1...1_000, using: &generator),
                steps: maybe(
                    (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                        StepRepresentation(
                            name: text(),
                            state: text(),
                            startedAt: date(),
                            finishedAt: maybe(date()),
                            lexofficeId: maybe(text()),
                            note: maybe(text())
                        )
                    }
                )
            )
            try Self.expectWritten(resource)
        }
    }

    @Test(
        "dates on the edges of days, months, leap years and seconds",
        arguments: [
            0, 0.999, 59.5, 86_399.999, 951_782_400, 951_868_799.9, 978_307_199, 1_709_164_800, 4_107_542_400,
            1_767_225_599.9995, -86_400.5, 253_402_300_799, 253_402_300_800,
        ]
    )
    func dates(seconds: Double) throws {
        let moment = Date(timeIntervalSince1970: seconds)
        let resource = SourceInvoiceRepresentation(
            sourceId: "s",
            number: "n",
            date: "2026-03-10",
            status: "finalized",
            paymentStatus: nil,
            cancels: nil,
            state: "pending",
            stateReason: nil,
            lexofficeId: nil,
            voucherNumber: nil,
            customerNumber: nil,
            lexofficeType: nil,
            lexofficeStatus: nil,
            totalsDifference: nil,
            deepLink: nil,
            receivedAt: moment,
            updatedAt: moment,
            version: 1,
            steps: nil
        )
        try Self.expectWritten(resource)
    }
}
