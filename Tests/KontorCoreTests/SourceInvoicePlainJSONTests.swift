import Foundation
import KontorCore
import KontorTestSupport
import Testing

/// The direct reader of invoice bodies must give exactly what `JSONDecoder` gives for the same text (the stored
/// canonical JSON and its fingerprint depend on it), and decline whatever it does not read, so that `JSONDecoder`
/// decides and names the problem.
@Suite("Source invoice: plain JSON reader")
struct SourceInvoicePlainJSONTests {
    /// The invoice read directly, or `nil` when the reader declines.
    private static func readDirectly(_ text: String) -> SourceInvoice? {
        var text = text
        return text.withUTF8 { bytes in
            PlainJSON.parse(UnsafeRawBufferPointer(bytes)).flatMap { try? SourceInvoice(plainJSON: $0) }
        }
    }

    private static func readWithFoundation(_ text: String) -> SourceInvoice? {
        try? JSONDecoder().decode(SourceInvoice.self, from: Data(text.utf8))
    }

    /// Both readers give the same invoice, down to its canonical JSON.
    private static func expectSameReading(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let direct = readDirectly(text)
        let reference = readWithFoundation(text)
        #expect(direct != nil, "plain JSON is read directly: \(text)", sourceLocation: sourceLocation)
        #expect(direct == reference, sourceLocation: sourceLocation)
        #expect(direct?.canonicalJSON == reference?.canonicalJSON, sourceLocation: sourceLocation)
    }

    private static func json(_ invoice: SourceInvoice, _ formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(invoice), as: UTF8.self)
    }

    @Test("a complete invoice, compact, sorted and pretty-printed")
    func complete() throws {
        for formatting: JSONEncoder.OutputFormatting in [[], [.sortedKeys], [.prettyPrinted, .withoutEscapingSlashes]] {
            Self.expectSameReading(try Self.json(SourceInvoiceFixtures.complete, formatting))
        }
    }

    @Test("500 random invoices (escapes, non-ASCII, absent parts) read as JSONDecoder reads them")
    func random() throws {
        for invoice in SourceInvoiceFixtures.randomInvoices(count: 500, seed: 20_261_202) {
            Self.expectSameReading(try Self.json(invoice, [.withoutEscapingSlashes]))
        }
    }

    @Test("escapes of every kind, null for optional members, unknown members and whitespace")
    func escapesNullsAndUnknownMembers() {
        let body = #"""
             {"number":"R\u002D1 \ud83d\ude00 \u00fc \"q\" \\ \/ \b\f\n\r\t","date":"2026-03-10","dueDate":null,
             "taxType":"net","status":"finalized","extra":{"nested":[1,true,false,null,"x"]},"title":"",
             "customer":{"sourceId":"K","company":{"name":"A"},"person":null,"address":null},
             "lineItems":[],"totals":{"net":null}}
            """#
        Self.expectSameReading(body)
        #expect(Self.readDirectly(body)?.number == "R-1 😀 ü \"q\" \\ / \u{8}\u{C}\n\r\t")
    }

    @Test(
        "numbers of every plain shape read to the same decimal",
        arguments: [
            "0", "-0", "2.50", "1.10", "100", "-0.001", "0.000000000000000000000001", "99999999.99",
            "12345678901234567890123456789012345678", "1234567890123456789012345678.9012345678", "19",
        ]
    )
    func numbers(text: String) {
        let body = """
            {"number":"R","date":"2026-03-10","taxType":"net","status":"finalized","paymentTermDays":-3,\
            "totalDiscountPercent":\(text),"customer":{"sourceId":"K"},"lineItems":[{"name":"n","quantity":\(text),\
            "unitName":"u","unitPrice":{"net":\(text)},"taxRatePercent":\(text)}]}
            """
        Self.expectSameReading(body)
    }

    @Test(
        "what is not plain is left to JSONDecoder",
        arguments: [
            #"{"a":1e3}"#, #"{"a":1E-3}"#, #"{"a":1,"a":2}"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00x"}"#,
            "{\"a\":\"\u{1}\"}", #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":-}"#, #"{"a":+1}"#,
            #"{"a":1} x"#, #"{"a":[1,]}"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":tru}"#, #"{"a":"\x"}"#,
            #"{"a":123456789012345678901234567890123456789}"#,
            String(repeating: "[", count: 70) + "1"
                + String(repeating: "]", count: 70), "", "  ", #"{"a":"unterminated}"#,
        ]
    )
    func declined(text: String) {
        var text = text
        #expect(text.withUTF8 { PlainJSON.parse(UnsafeRawBufferPointer($0)) } == nil)
    }

    @Test("invalid UTF-8 in a string is left to JSONDecoder")
    func invalidUTF8() {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(bytes.withUnsafeBytes { PlainJSON.parse($0) } == nil)
    }

    @Test("a string's bytes are taken exactly when String(validating:) takes them, with and without escapes")
    func utf8AsStringValidatingTakesIt() throws {
        var generator = SeededGenerator(seed: 20_261_202)
        // Short runs from bytes that make up UTF-8's edge cases: ASCII, continuation bytes, lead bytes of every
        // length, overlong and surrogate leads, bytes that never occur.
        let alphabet: [UInt8] = [
            0x41, 0x7F, 0x80, 0x8F, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        ]
        for round in 0..<5_000 {
            let content = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            let escape: [UInt8] = round.isMultiple(of: 2) ? [UInt8(ascii: "\\"), UInt8(ascii: "n")] : []
            let body = Array(#"{"a":""#.utf8) + escape + content + Array(#""}"#.utf8)
            let expected = String(validating: escape.isEmpty ? content : [0x0A] + content, as: UTF8.self)
            let parsed = body.withUnsafeBytes { PlainJSON.parse($0) }
            guard case .object(let members)? = parsed, case .string(let text) = try #require(members.first).value else {
                #expect(expected == nil, "declined valid UTF-8 \(content)")
                continue
            }
            #expect(text == expected, "bytes \(content)")
        }
    }

    @Test("a member of the wrong type, missing or null where required: declined, so JSONDecoder names it")
    func unreadableMembers() throws {
        let valid = try Self.json(SourceInvoiceFixtures.complete, [.sortedKeys])
        let broken = [
            valid.replacingOccurrences(of: #""number":"R-1""#, with: #""number":1"#),
            valid.replacingOccurrences(of: #""number":"R-1","#, with: ""),
            valid.replacingOccurrences(of: #""number":"R-1""#, with: #""number":null"#),
            valid.replacingOccurrences(of: #""paymentTermDays":14"#, with: #""paymentTermDays":14.5"#),
            valid.replacingOccurrences(of: #""paymentTermDays":14"#, with: #""paymentTermDays":"14""#),
            valid.replacingOccurrences(of: #""quantity":2.5"#, with: #""quantity":"2.5""#),
            valid.replacingOccurrences(of: #""lineItems":["#, with: #""lineItems":{"x":["#)
                .replacingOccurrences(of: #"}],"number""#, with: #"}]},"number""#),
        ]
        for text in broken {
            #expect(text != valid)
            #expect(Self.readDirectly(text) == nil, "declined: \(text)")
        }
    }

    @Test("2,000 damaged bodies: the reader declines or reads what JSONDecoder reads")
    func damagedBodies() throws {
        var generator = SeededGenerator(seed: 20_261_203)
        let insertions = Array(#"{}[],:"0123456789-.eE\u tnfl "#.utf8) + [0xC3, 0xFF, 0x01]
        let bodies = try SourceInvoiceFixtures.randomInvoices(count: 100, seed: 20_261_204).map {
            Array(try Self.json($0, [.withoutEscapingSlashes]).utf8)
        }
        var readDirectly = 0
        for round in 0..<2_000 {
            var bytes = bodies[round % bodies.count]
            for _ in 0...Int.random(in: 0...2, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(insertions.randomElement(using: &generator)!, at: position)
                default: bytes[position] = insertions.randomElement(using: &generator)!
                }
            }
            let direct = bytes.withUnsafeBytes { raw in
                PlainJSON.parse(raw).flatMap { try? SourceInvoice(plainJSON: $0) }
            }
            guard let direct else { continue }
            readDirectly += 1
            let reference = try? JSONDecoder().decode(SourceInvoice.self, from: Data(bytes))
            #expect(
                direct == reference,
                "read directly, but not as JSONDecoder: \(String(decoding: bytes, as: UTF8.self))"
            )
            #expect(direct.canonicalJSON == reference?.canonicalJSON)
        }
        #expect(readDirectly > 100, "some damage leaves a readable invoice (a changed letter or digit)")
    }

    @Test("decodeJSON falls back to JSONDecoder and throws its error")
    func fallback() throws {
        var text = #"{"number":1}"#
        let error = text.withUTF8 { bytes in
            #expect(throws: DecodingError.self) { try SourceInvoice.decodeJSON(UnsafeRawBufferPointer(bytes)) }
        }
        guard case .typeMismatch(_, let context) = error else {
            Issue.record("expected a type mismatch, got \(String(describing: error))")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["number"])
    }
}

/// The fast path for the amounts of an invoice: small plain numbers read into an integer.
struct SmallPlainNumberTests {
    @Test("small plain numbers read exactly as Decimal(string:) reads them")
    func asDecimalStringReadsThem() throws {
        var generator = SeededGenerator(seed: 20_261_202)
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...19, using: &generator)
            var digits = (0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) }
            // JSON numbers have no leading zeros: an integer part starts with 1-9 unless it is a single 0.
            let point = Int.random(in: 0...count, using: &generator)
            if point > 1, digits[0] == "0" { digits[0] = "7" }
            var text =
                point == 0 || point == count
                ? String(digits) : String(digits[..<point]) + "." + String(digits[point...])
            if point == 0 { text = "0." + text }
            if Bool.random(using: &generator) { text = "-" + text }
            let expected = try #require(Decimal(string: text))
            guard let fast = Decimal(smallPlainNumber: text) else {
                #expect(expected.isZero || text.filter(\.isNumber).count > 19, "declined \(text)")
                continue
            }
            #expect(fast == expected, "\(text)")
            #expect(fast.description == expected.description, "\(text)")
            #expect(fast.exponent == expected.exponent, "\(text)")
            #expect(fast.significand == expected.significand, "\(text)")
            #expect(fast.sign == expected.sign, "\(text)")
        }
    }

    @Test("zero, more than 19 digits and anything not a plain number are left to Decimal(string:)")
    func declined() {
        for text in [
            "0", "-0", "0.00", "12345678901234567890", "1e5", "1.", ".5", "1.2.3", "--1", "+1", "1-", "", " 1",
        ] {
            #expect(Decimal(smallPlainNumber: text) == nil, "\(text)")
        }
    }
}
