import Foundation
import LexofficeKit
import Testing

struct DateCodingTests {
    @Test(
        "date-times keep their offset and re-encode byte for byte",
        arguments: [
            "2025-03-10T00:00:00.000+01:00", "2025-04-27T09:30:00.000+02:00", "2025-03-10T14:02:11.504+01:00",
            "2024-02-29T23:59:59.999Z", "1999-12-31T23:00:00.000-05:30",
        ]
    )
    func roundTrip(_ text: String) throws {
        let value = try JSONDecoder().decode(LexofficeDateTime.self, from: Data("\"\(text)\"".utf8))
        #expect(value.description == text)
        #expect(String(decoding: try JSONEncoder().encode(value), as: UTF8.self) == "\"\(text)\"")
    }

    @Test("a date-time is the same instant whatever its offset")
    func instant() throws {
        let berlin = try LexofficeDateTime("2025-03-10T00:00:00.000+01:00")
        let utc = try LexofficeDateTime("2025-03-09T23:00:00.000Z")
        #expect(berlin.millisecondsSince1970 == utc.millisecondsSince1970)
        #expect(berlin.date == utc.date)
        #expect(berlin != utc)  // equality includes the written offset
        #expect(berlin.millisecondsSince1970 == 1_741_561_200_000)
    }

    @Test("dates from Foundation are written in German local time, summer and winter")
    func berlinOffsets() {
        let winter = LexofficeDateTime(Date(timeIntervalSince1970: 1_741_600_000.123))
        let summer = LexofficeDateTime(Date(timeIntervalSince1970: 1_751_600_000))
        #expect(winter.description == "2025-03-10T10:46:40.123+01:00")
        #expect(summer.description == "2025-07-04T05:33:20.000+02:00")
    }

    @Test("a Date made from whole milliseconds keeps them, though binary floating point cannot hold 1.234 s")
    func wholeMilliseconds() {
        for milliseconds: Int64 in [1_234, 1_772_319_600_001, 1_764_000_000_999] {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            #expect(LexofficeDateTime(date).millisecondsSince1970 == milliseconds)
        }
        #expect(LexofficeDateTime(Date(timeIntervalSince1970: 1.2345)).millisecondsSince1970 == 1_234)
    }

    @Test("the summer-time switch happens at 01:00 UTC on the last Sunday of March and October")
    func summerTimeSwitch() throws {
        let beforeSpring = try LexofficeDateTime("2025-03-30T00:59:59.999Z")
        let afterSpring = try LexofficeDateTime("2025-03-30T01:00:00.000Z")
        #expect(LexofficeDateTime(beforeSpring.date).utcOffsetSeconds == 3600)
        #expect(LexofficeDateTime(afterSpring.date).utcOffsetSeconds == 7200)
        let beforeAutumn = try LexofficeDateTime("2025-10-26T00:59:59.999Z")
        let afterAutumn = try LexofficeDateTime("2025-10-26T01:00:00.000Z")
        #expect(LexofficeDateTime(beforeAutumn.date).utcOffsetSeconds == 7200)
        #expect(LexofficeDateTime(afterAutumn.date).utcOffsetSeconds == 3600)
    }

    @Test("business dates are local midnight in Berlin")
    func localMidnight() throws {
        #expect(
            LexofficeDateTime(localMidnightOf: try PlainDate("2025-02-22")).description
                == "2025-02-22T00:00:00.000+01:00"
        )
        #expect(
            LexofficeDateTime(localMidnightOf: try PlainDate("2025-07-01")).description
                == "2025-07-01T00:00:00.000+02:00"
        )
        #expect(try LexofficeDateTime("2025-07-01T00:00:00.000+02:00").localDay == PlainDate("2025-07-01"))
    }

    @Test(
        "malformed date-times are rejected",
        arguments: [
            "2025-03-10", "2025-03-10T00:00:00", "2025-13-01T00:00:00.000Z", "2025-02-30T00:00:00.000Z", "", "x",
        ]
    )
    func rejected(_ text: String) {
        let error = #expect(throws: LexofficeError.self) { try LexofficeDateTime(text) }
        #expect(error?.code == .invalidArgument)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LexofficeDateTime.self, from: Data("\"\(text)\"".utf8))
        }
    }

    @Test("responses without milliseconds or with more digits are still read")
    func lenientReading() throws {
        #expect(try LexofficeDateTime("2021-04-07T09:04:23+00:00").description == "2021-04-07T09:04:23.000Z")
        #expect(try LexofficeDateTime("2021-04-07T09:04:23.123456+0200").description == "2021-04-07T09:04:23.123+02:00")
    }

    @Test("plain dates are yyyy-MM-dd and validated")
    func plainDates() throws {
        let day = try PlainDate("2024-02-29")
        #expect(day.description == "2024-02-29")
        #expect(day.adding(days: 1).description == "2024-03-01")
        #expect(String(decoding: try JSONEncoder().encode(day), as: UTF8.self) == "\"2024-02-29\"")
        #expect(throws: LexofficeError.self) { try PlainDate("2023-02-29") }
        #expect(throws: LexofficeError.self) { try PlainDate("2023-2-1") }
        #expect(throws: LexofficeError.self) { try PlainDate(year: 2023, month: 13, day: 1) }
    }

    @Test("bookkeeping dates keep the form they came in")
    func bookkeepingDates() throws {
        let written = try JSONDecoder().decode(BookkeepingDate.self, from: Data(#""2025-03-02""#.utf8))
        let read = try JSONDecoder().decode(BookkeepingDate.self, from: Data(#""2025-03-02T00:00:00.000+01:00""#.utf8))
        #expect(written == .day(try PlainDate("2025-03-02")))
        #expect(read.day == written.day)
        #expect(String(decoding: try JSONEncoder().encode(read), as: UTF8.self) == #""2025-03-02T00:00:00.000+01:00""#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BookkeepingDate.self, from: Data(#""03/02/2025""#.utf8))
        }
    }
}
