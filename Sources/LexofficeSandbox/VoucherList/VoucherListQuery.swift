import Foundation
import LexofficeKit

/// The parameters of `GET /v1/voucherlist`, validated like lexoffice (400 with the parameter named).
struct VoucherListQuery {
    var types: Set<VoucherType>?
    var statuses: Set<VoucherStatus>?
    var archived: Bool?
    var contactID: LexofficeID?
    var voucherDate: DayRange
    var createdDate: DayRange
    var updatedDate: DayRange
    var voucherNumber: String?
    var sort: SortParameter

    init(_ call: APICall) throws {
        types = try Self.list("voucherType", call, documented: VoucherType.documentedValues)
        statuses = try Self.list("voucherStatus", call, documented: VoucherStatus.documentedValues)
        if let statuses, statuses.contains(.overdue), statuses.count > 1 {
            throw SandboxProblem.badRequest(
                "'overdue' cannot be combined with other statuses.",
                parameter: "voucherStatus"
            )
        }
        archived = try call.booleanQuery("archived")
        if let text = call.query("contactId") {
            guard let id = try? LexofficeID(text) else { throw Self.invalid("contactId", text) }
            contactID = id
        }
        voucherDate = try Self.range("voucherDate", call)
        createdDate = try Self.range("createdDate", call)
        updatedDate = try Self.range("updatedDate", call)
        voucherNumber = call.query("voucherNumber").map(Self.htmlUnescaped)
        sort = try SortParameter(
            call,
            allowed: ["voucherDate", "voucherNumber", "createdDate", "updatedDate"],
            default: "voucherDate,DESC"
        )
    }

    /// Whether an entry passes every filter.
    func matches(_ item: VoucherListItem) -> Bool {
        if let types, !types.contains(item.voucherType) { return false }
        if let statuses, !statuses.contains(item.voucherStatus) {
            let showsAsOverdue =
                item.voucherStatus == .overdue && (statuses.contains(.open) || statuses.contains(.sepaDebit))
            if !showsAsOverdue { return false }
        }
        if let archived, (item.archived ?? false) != archived { return false }
        if let contactID, item.contactId != contactID { return false }
        if let voucherNumber, item.voucherNumber != voucherNumber { return false }
        return voucherDate.contains(item.voucherDate) && createdDate.contains(item.createdDate)
            && updatedDate.contains(item.updatedDate)
    }

    /// Whether `lhs` comes before `rhs` in the requested order (ties by id, for stable pages).
    func areInOrder(_ lhs: VoucherListItem, _ rhs: VoucherListItem) -> Bool {
        let keys: (String, String)
        switch sort.property {
        case "voucherNumber": keys = (lhs.voucherNumber ?? "", rhs.voucherNumber ?? "")
        case "createdDate": keys = (Self.sortKey(lhs.createdDate), Self.sortKey(rhs.createdDate))
        case "updatedDate": keys = (Self.sortKey(lhs.updatedDate), Self.sortKey(rhs.updatedDate))
        default: keys = (Self.sortKey(lhs.voucherDate), Self.sortKey(rhs.voucherDate))
        }
        if keys.0 == keys.1 { return lhs.id.rawValue < rhs.id.rawValue }
        return sort.areInOrder(keys.0, keys.1)
    }

    private static func sortKey(_ value: LexofficeDateTime?) -> String {
        String(format: "%020lld", value?.millisecondsSince1970 ?? 0)
    }

    private static func list<Value: LexofficeEnum>(
        _ name: String,
        _ call: APICall,
        documented: [Value]
    ) throws -> Set<Value>? {
        guard let text = call.query(name), !text.isEmpty else {
            throw SandboxProblem.badRequest("Required request parameter '\(name)' is not present.", parameter: name)
        }
        if text == "any" { return nil }
        let values = Set(text.split(separator: ",").map { Value(rawValue: String($0)) })
        guard values.allSatisfy(documented.contains) else { throw invalid(name, text) }
        return values
    }

    private static func range(_ name: String, _ call: APICall) throws -> DayRange {
        let range = DayRange(from: try day(name + "From", call), to: try day(name + "To", call))
        if let from = range.from, let to = range.to, to < from { throw invalid(name + "To", to.description) }
        return range
    }

    /// A plain `yyyy-MM-dd` parameter; a date-time or anything else is 400, as lexoffice answers.
    private static func day(_ name: String, _ call: APICall) throws -> PlainDate? {
        guard let text = call.query(name) else { return nil }
        guard let day = try? PlainDate(text) else { throw invalid(name, text) }
        return day
    }

    private static func invalid(_ name: String, _ value: String) -> SandboxProblem {
        .badRequest("Invalid value '\(value)' received for request parameter '\(name)'.", parameter: name)
    }

    private static func htmlUnescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Inclusive day bounds of a date filter; each day is a whole day in German time.
struct DayRange {
    var from: PlainDate?
    var to: PlainDate?

    /// Whether `value` falls on a day within the bounds (no bounds: everything, also `nil`).
    func contains(_ value: LexofficeDateTime?) -> Bool {
        guard from != nil || to != nil else { return true }
        guard let value else { return false }
        let day = LexofficeDateTime(value.date).localDay
        return (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }
}
