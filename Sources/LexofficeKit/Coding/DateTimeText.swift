/// Reads and writes the text forms of ``LexofficeDateTime`` and ``PlainDate`` without `DateFormatter`.
enum DateTimeParser {
    /// Parses `yyyy-MM-ddTHH:mm:ss[.f{0,9}](Z|±HH:MM|±HHMM)`; `nil` when the text has another form.
    static func parse(_ string: String) -> LexofficeDateTime? {
        var reader = DigitReader(Array(string.utf8))
        guard let (year, month, day) = reader.readDate(),
            reader.consume("T"),
            let hour = reader.readNumber(digits: 2), hour < 24,
            reader.consume(":"),
            let minute = reader.readNumber(digits: 2), minute < 60,
            reader.consume(":"),
            let second = reader.readNumber(digits: 2), second < 60
        else { return nil }
        var milliseconds = 0
        if reader.consume(".") {
            guard let fraction = reader.readFractionMilliseconds() else { return nil }
            milliseconds = fraction
        }
        guard let offset = reader.readOffsetSeconds(), reader.isAtEnd else { return nil }
        let days = Int64(CivilCalendar.daysSinceEpoch(year: year, month: month, day: day))
        let localSeconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return LexofficeDateTime(
            millisecondsSince1970: (localSeconds - Int64(offset)) * 1000 + Int64(milliseconds),
            utcOffsetSeconds: offset
        )
    }

    /// Parses `yyyy-MM-dd`; `nil` for anything else.
    static func parseDate(_ string: String) -> PlainDate? {
        var reader = DigitReader(Array(string.utf8))
        guard let (year, month, day) = reader.readDate(), reader.isAtEnd else { return nil }
        return PlainDate(unchecked: year, month, day)
    }
}

/// Writes the documented forms.
enum DateTimeFormatter {
    /// `yyyy-MM-ddTHH:mm:ss.SSSXXX`, offset `Z` when zero.
    static func format(_ value: LexofficeDateTime) -> String {
        let local = value.millisecondsSince1970 + Int64(value.utcOffsetSeconds) * 1000
        let days = CivilCalendar.floorDivide(local, 86_400_000)
        let millisecondOfDay = Int(local - days * 86_400_000)
        let civil = CivilCalendar.civilDate(daysSinceEpoch: Int(days))
        var text = formatDate(year: civil.year, month: civil.month, day: civil.day)
        text += "T" + pad(millisecondOfDay / 3_600_000, 2) + ":" + pad(millisecondOfDay / 60_000 % 60, 2)
        text += ":" + pad(millisecondOfDay / 1000 % 60, 2) + "." + pad(millisecondOfDay % 1000, 3)
        if value.utcOffsetSeconds == 0 {
            text += "Z"
        } else {
            let minutes = abs(value.utcOffsetSeconds) / 60
            text += (value.utcOffsetSeconds < 0 ? "-" : "+") + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
        }
        return text
    }

    /// `yyyy-MM-dd`.
    static func formatDate(year: Int, month: Int, day: Int) -> String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A cursor over ASCII bytes that reads fixed-width numbers.
private struct DigitReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    mutating func consume(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func readNumber(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    mutating func readDate() -> (Int, Int, Int)? {
        guard let year = readNumber(digits: 4), consume("-"),
            let month = readNumber(digits: 2), (1...12).contains(month), consume("-"),
            let day = readNumber(digits: 2), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        return (year, month, day)
    }

    /// Reads 1–9 fraction digits and returns whole milliseconds (extra digits truncated).
    mutating func readFractionMilliseconds() -> Int? {
        var digits: [Int] = []
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            digits.append(Int(bytes[index] - UInt8(ascii: "0")))
            index += 1
        }
        guard (1...9).contains(digits.count) else { return nil }
        let padded = digits + [0, 0, 0]
        return padded[0] * 100 + padded[1] * 10 + padded[2]
    }

    mutating func readOffsetSeconds() -> Int? {
        if consume("Z") { return 0 }
        let sign: Int
        if consume("+") {
            sign = 1
        } else if consume("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = readNumber(digits: 2), hours <= 18 else { return nil }
        _ = consume(":")
        guard let minutes = readNumber(digits: 2), minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
