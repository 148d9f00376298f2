import Foundation
import HashTreeCollections
import LexofficeKit

/// lexoffice's rules for bookkeeping voucher bodies (POST and PUT), checked on the raw JSON so every finding
/// names its field.
///
/// Item amounts are checked by ``VoucherAmountRules``; this type covers status, required fields, dates, the
/// contact and the version.
struct VoucherValidation {
    /// The organization's contacts, for `contactId`.
    let contactIDs: Set<LexofficeID>
    /// The posting categories by id, for `voucherItems[].categoryId`.
    let categories: [LexofficeID: PostingCategory]

    init(organization: Organization) {
        contactIDs = Set(organization.contacts.keys)
        categories = Dictionary(
            SeedData.postingCategories.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// The status the body asks for: `open` or `unchecked`; absent or `null` means `fallback`.
    /// - Throws: 406 `invalid_value` on `voucherStatus` for any other value.
    func requestedStatus(in body: JSONValue, fallback: VoucherStatus) throws -> VoucherStatus {
        switch body["voucherStatus"] {
        case nil, .null?:
            return fallback
        case .string(let text)? where [VoucherStatus.open, .unchecked].contains(VoucherStatus(rawValue: text)):
            return VoucherStatus(rawValue: text)
        default:
            throw SandboxProblem.validation([.invalid("voucherStatus", "nur open oder unchecked erlaubt")])
        }
    }

    /// All violations in `body` for a voucher that will have `status`; empty when it may be stored.
    func failures(in body: JSONValue, status: VoucherStatus, isCreate: Bool) -> [ValidationFailure] {
        let isComplete = status != .unchecked
        var failures = versionFailures(body["version"], isCreate: isCreate)
        let type = enumeration(body["type"], "type", allowed: VoucherType.bookkeepingTypes, failures: &failures)
        let taxType = enumeration(body["taxType"], "taxType", allowed: [TaxType.net, .gross], failures: &failures)
        if taxType == .net, status == .unchecked {
            failures.append(.invalid("taxType", "net ist für ungeprüfte Belege nicht erlaubt"))
        }
        switch body["voucherNumber"] {
        case nil, .null?: if isComplete { failures.append(.missing("voucherNumber")) }
        case .string(let number)?:
            if isComplete, number.trimmingCharacters(in: .whitespaces).isEmpty {
                failures.append(.missing("voucherNumber"))
            }
        default: failures.append(.invalid("voucherNumber"))
        }
        for field in ["voucherDate", "shippingDate", "dueDate"] {
            failures += dateFailures(body[field], field, isRequired: isComplete && field == "voucherDate")
        }
        for field in ["totalGrossAmount", "totalTaxAmount"] {
            switch body[field] {
            case nil, .null?: if isComplete { failures.append(.missing(field)) }
            case .number?: break
            default: failures.append(.invalid(field))
            }
        }
        let isCollective = collectiveFailures(body, isComplete: isComplete, failures: &failures)
        switch body["voucherItems"] {
        case nil, .null?, .array([])?:
            if isComplete { failures.append(.missing("voucherItems")) }
        case .array(let items)?:
            let rules = VoucherAmountRules(categories: categories, type: type, taxType: taxType)
            failures += rules.failures(items: items, body: body, isCollective: isCollective)
        default:
            failures.append(.invalid("voucherItems"))
        }
        return failures
    }

    /// POST takes no version, 0 or 1 (the docs say both); PUT needs one (compared with the stored one later).
    private func versionFailures(_ value: JSONValue?, isCreate: Bool) -> [ValidationFailure] {
        switch value {
        case nil, .null?:
            return isCreate ? [] : [.missing("version")]
        case .number(let version)?:
            guard version >= 0, version == version.rounded(scale: 0) else { return [.invalid("version")] }
            return isCreate && version > 1 ? [.invalid("version", "muss 0 oder 1 sein")] : []
        default:
            return [.invalid("version")]
        }
    }

    /// Checks a required enumeration and returns its value when it is one of `allowed`.
    private func enumeration<Value: LexofficeEnum>(
        _ value: JSONValue?,
        _ field: String,
        allowed: [Value],
        failures: inout [ValidationFailure]
    ) -> Value? {
        switch value {
        case nil, .null?:
            failures.append(.missing(field))
        case .string(let text)? where allowed.contains(Value(rawValue: text)):
            return Value(rawValue: text)
        default:
            failures.append(.invalid(field))
        }
        return nil
    }

    /// A date may be `yyyy-MM-dd` or a full date-time.
    private func dateFailures(_ value: JSONValue?, _ field: String, isRequired: Bool) -> [ValidationFailure] {
        switch value {
        case nil, .null?:
            return isRequired ? [.missing(field)] : []
        case .string(let text)? where Self.day(of: text) != nil:
            return []
        default:
            return [.invalid(field, "ungültiges Datum (yyyy-MM-dd erwartet)")]
        }
    }

    /// Checks `useCollectiveContact` and `contactId`; returns whether the collective contact is used.
    private func collectiveFailures(
        _ body: JSONValue,
        isComplete: Bool,
        failures: inout [ValidationFailure]
    ) -> Bool {
        var isCollective = false
        switch body["useCollectiveContact"] {
        case nil, .null?: break
        case .bool(let flag)?: isCollective = flag
        default: failures.append(.invalid("useCollectiveContact"))
        }
        guard !isCollective else { return true }
        switch body["contactId"] {
        case nil, .null?:
            if isComplete { failures.append(.missing("contactId")) }
        case .string(let text)?:
            guard let id = try? LexofficeID(text), contactIDs.contains(id) else {
                failures.append(.invalid("contactId", "Kontakt nicht gefunden"))
                return false
            }
        default:
            failures.append(.invalid("contactId"))
        }
        return false
    }

    /// The calendar day of a plain date or a date-time; `nil` for anything else.
    static func day(of text: String) -> PlainDate? {
        if let day = try? PlainDate(text) { return day }
        return (try? LexofficeDateTime(text))?.localDay
    }
}
