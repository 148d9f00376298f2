import KontorFlows
import KontorSinks
import Testing

struct ArchiveKeyTemplateTests {
    @Test("lays out the standard keys as tenant/year/type/number plus the extension")
    func standardLayout() {
        let document = ArchiveDocument.fixture(number: "RE-1001", type: .creditNote, year: 2025)
        #expect(ArchiveKeyTemplate.standard.key(for: document, file: .pdf) == "acme/2025/creditnote/RE-1001.pdf")
        #expect(ArchiveKeyTemplate.standard.key(for: document, file: .metadata) == "acme/2025/creditnote/RE-1001.json")
        #expect(ArchiveKeyTemplate.standard.folders(for: document) == ["acme", "2025", "creditnote"])
    }

    @Test("renders a configured template with literals and the lexoffice id")
    func customTemplate() throws {
        let template = try ArchiveKeyTemplate("archiv/{tenant}-{type}/{year}/{number}_{id}")
        let document = ArchiveDocument.fixture()
        #expect(
            template.path(for: document) == "archiv/acme-invoice/2026/RE-1001_e9066f04-8cc7-4616-93f8-ac9ecc8479c8"
        )
    }

    @Test(
        "keeps a document number inside its folder",
        arguments: [
            ("../x", "_._x"), ("/", "_"), ("..", "_."), ("a/b\\c", "a_b_c"), (".hidden", "_hidden"),
            ("RE:1*?", "RE_1__"), ("", "e9066f04-8cc7-4616-93f8-ac9ecc8479c8"), ("Rechnung 7 ä", "Rechnung 7 ä"),
        ]
    )
    func sanitizesNumbers(number: String, expected: String) {
        let document = ArchiveDocument.fixture(number: number)
        #expect(ArchiveKeyTemplate.standard.path(for: document) == "acme/2026/invoice/\(expected)")
    }

    @Test("cuts a long number to the component limit")
    func longNumber() {
        let path = ArchiveKeyTemplate.standard.path(for: .fixture(number: String(repeating: "ü", count: 200)))
        #expect(path.split(separator: "/").last?.utf8.count == ArchiveKeyComponent.maximumLength)
    }

    @Test(
        "refuses templates that could collide or escape",
        arguments: [
            "{tenant}/{year}", "/{number}", "{tenant}/../{number}", "{tenant}//{number}", "{nummer}", "{number",
        ]
    )
    func refusesBadTemplates(pattern: String) {
        let error = #expect(throws: ArchiveSinkError.self) { try ArchiveKeyTemplate(pattern) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.isRetryable == false)
    }
}
