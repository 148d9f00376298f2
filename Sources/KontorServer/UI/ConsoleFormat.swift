import Foundation
import KontorCore

/// Dates and amounts as people of the page's language write them (`1.234,56 €` / `€1,234.56`), times in the
/// tenant's time zone.
struct ConsoleFormat: Sendable {
    let locale: Locale
    let timeZone: TimeZone

    /// The zone of pages that belong to no tenant (the tenants list, the account): lexoffice's.
    static let defaultTimeZone = TimeZone(identifier: Tenant.defaultTimeZone) ?? .gmt

    /// A moment, date and time to the minute.
    func dateTime(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .numeric, time: .shortened, locale: locale, timeZone: timeZone))
    }

    /// A moment's calendar day in the tenant's zone as `YYYY-MM-DD` (for date inputs).
    func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// A day given as `YYYY-MM-DD`, written for people; the text itself when it is not such a day.
    func day(_ isoDay: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = isoDay.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3,
            let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        else { return isoDay }
        return date.formatted(Date.FormatStyle(date: .abbreviated, time: .omitted, locale: locale, timeZone: .gmt))
    }

    /// An amount of money in `currency` (ISO 4217).
    func amount(_ value: Decimal, currency: String = "EUR") -> String {
        value.formatted(.currency(code: currency).locale(locale))
    }
}
