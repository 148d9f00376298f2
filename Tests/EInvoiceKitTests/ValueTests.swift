import EInvoiceKit
import Foundation
import Testing

/// The small value types read dates and codes strictly.
struct ValueTests {
    @Test(
        "dates read in both invoice formats, and impossible days are refused",
        arguments: [
            ("20180305", "2018-03-05"), ("2018-03-05", "2018-03-05"), ("20240229", "2024-02-29"),
            ("20230229", nil), ("2018-13-01", nil), ("2018-3-5", nil), ("05.03.2018", nil), ("", nil),
            ("2018030５", nil),
        ] as [(String, String?)]
    )
    func parsesDates(text: String, expected: String?) {
        #expect(CalendarDate(text)?.description == expected)
    }

    @Test("dates order by day")
    func ordersDates() throws {
        let earlier = try #require(CalendarDate(year: 2018, month: 12, day: 31))
        let later = try #require(CalendarDate(year: 2019, month: 1, day: 1))
        #expect(earlier < later)
    }

    @Test("credit note codes are told from invoice codes")
    func creditNoteCodes() {
        #expect(InvoiceTypeCode.creditNote.isCreditNote)
        #expect(InvoiceTypeCode("396").isCreditNote)
        #expect(!InvoiceTypeCode.invoice.isCreditNote)
        #expect(!InvoiceTypeCode.correction.isCreditNote)
        #expect(InvoiceTypeCode("875").rawValue == "875")
    }
}
