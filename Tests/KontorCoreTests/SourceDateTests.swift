import Foundation
import KontorCore
import Testing

@Suite("Source dates")
struct SourceDateTests {
    @Test(
        "accepts real calendar days in the form YYYY-MM-DD",
        arguments: ["2026-03-10", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"]
    )
    func valid(text: String) throws {
        let date = try #require(SourceDate(text))
        #expect(date.description == text)
    }

    @Test(
        "rejects other text and days the calendar does not have",
        arguments: [
            "2026-02-30", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "0000-01-01", "2026-3-10",
            "10.03.2026", "2026-03-10T00:00:00Z", "2026/03/10", "+026-03-10", "",
        ]
    )
    func invalid(text: String) {
        #expect(SourceDate(text) == nil)
    }

    @Test("orders by calendar day")
    func ordering() throws {
        let dates = try ["2026-03-10", "2025-12-31", "2026-02-28", "2026-03-09"].map { try #require(SourceDate($0)) }
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-02-28", "2026-03-09", "2026-03-10"])
    }

    @Test("encodes and decodes as a YYYY-MM-DD string and refuses an impossible day")
    func coding() throws {
        let date = try #require(SourceDate(year: 2026, month: 3, day: 1))
        let encoded = try JSONEncoder().encode([date])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2026-03-01"]"#)
        #expect(try JSONDecoder().decode([SourceDate].self, from: encoded) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([SourceDate].self, from: Data(#"["2026-02-29"]"#.utf8))
        }
    }
}
