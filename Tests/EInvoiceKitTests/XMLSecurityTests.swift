import EInvoiceKit
import Foundation
import Testing

/// Entities are never resolved: no file contents leak in (XXE), and entity expansion cannot blow up.
struct XMLSecurityTests {
    @Test("an external entity pointing at a local file is refused and its content never appears")
    func externalEntity() throws {
        let marker = "SECRET-MARKER-\(UUID().uuidString)"
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("einvoice-secret-\(UUID()).txt")
        try Data(marker.utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let sample = try Samples.text("ubl/EN16931_Einfach.ubl.xml")
        let tampered =
            sample
            .replacingOccurrences(
                of: #"<?xml version="1.0" encoding="UTF-8"?>"#,
                with:
                    #"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "\#(secret.absoluteString)">]>"#
            )
            .replacingOccurrences(of: "<cbc:ID>471102</cbc:ID>", with: "<cbc:ID>&xxe;</cbc:ID>")
        try #require(tampered.contains("&xxe;") && tampered.contains("<!DOCTYPE"))
        let result = Result { try EInvoiceReader().read(Data(tampered.utf8)) }
        let error = try #require(throws: EInvoiceError.self) { try result.get() }
        #expect(error.code == .forbiddenDTD)
        #expect(!"\(result)".contains(marker))
        #expect(!error.description.contains(marker))
    }

    @Test("a parameter entity fetching a DTD is refused before any fetch")
    func externalDTD() throws {
        let document = #"""
            <?xml version="1.0"?>
            <!-- a comment first -->
            <!DOCTYPE Invoice SYSTEM "http://127.0.0.1:9/evil.dtd">
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>
            """#
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(Data(document.utf8)) }
        #expect(error.code == .forbiddenDTD)
    }

    @Test("billion laughs is refused at once")
    func billionLaughs() throws {
        var entities = #"<!ENTITY lol0 "lollollollollollollollollollol">"#
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let document = """
            <?xml version="1.0"?><!DOCTYPE Invoice [\(entities)]>
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&lol9;</ID></Invoice>
            """
        let start = ContinuousClock.now
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(Data(document.utf8)) }
        #expect(error.code == .forbiddenDTD)
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test("a DTD in UTF-16 is refused too")
    func utf16DocumentType() throws {
        let document = #"<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>"#
        var data = Data([0xFF, 0xFE])
        for unit in document.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(data) }
        #expect(error.code == .forbiddenDTD)
    }

    @Test("absurd nesting is refused by the depth limit")
    func deepNesting() throws {
        let document = String(repeating: "<a>", count: 5_000) + String(repeating: "</a>", count: 5_000)
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(Data(document.utf8)) }
        #expect(error.code == .limitExceeded)
    }
}
