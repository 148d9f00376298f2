import Foundation
import LexofficeKit

/// lexoffice's rules for contact bodies (POST and PUT), checked on the raw JSON so every finding names its field.
struct ContactValidation {
    /// Country codes the organization knows.
    let countryCodes: Set<String>

    /// All violations in `body`; empty when the contact may be stored.
    func failures(in body: JSONValue, isCreate: Bool) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        switch body["version"] {
        case nil, .null?:
            failures.append(.missing("version"))
        case .number(let version)?:
            if isCreate, version != 0 { failures.append(.invalid("version", "muss 0 sein")) }
        default:
            failures.append(.invalid("version"))
        }
        failures += roleFailures(body["roles"])
        failures += identityFailures(body)
        failures += addressFailures(body["addresses"])
        failures += communicationFailures(body)
        if let note = body["note"]?.stringValue, note.count > 1000 { failures.append(.tooLong("note", max: 1000)) }
        return failures
    }

    private func roleFailures(_ roles: JSONValue?) -> [ValidationFailure] {
        guard case .object(let members)? = roles else { return [.missing("roles")] }
        let present = ["customer", "vendor"].filter { members[$0] != nil && members[$0] != .null }
        return present.isEmpty ? [.missing("roles")] : []
    }

    private func identityFailures(_ body: JSONValue) -> [ValidationFailure] {
        let company = body["company"].flatMap { $0 == .null ? nil : $0 }
        let person = body["person"].flatMap { $0 == .null ? nil : $0 }
        switch (company, person) {
        case (nil, nil):
            return [.missing("company")]
        case (.some, .some):
            return [.invalid("person", "company und person schließen sich aus")]
        case (let company?, nil):
            var failures = nonEmpty(company["name"], "company.name")
            if let vatID = company["vatRegistrationId"]?.stringValue, !vatID.isEmpty, vatID != vatID.uppercased() {
                failures.append(.invalid("company.vatRegistrationId", "ungültige USt-IdNr."))
            }
            if case .array(let persons)? = company["contactPersons"] {
                if persons.count > 1 { failures.append(.invalid("company.contactPersons.size")) }
                for (index, contactPerson) in persons.enumerated() {
                    let path = "company.contactPersons[\(index)]"
                    failures += nonEmpty(contactPerson["lastName"], path + ".lastName")
                    failures += salutationFailures(contactPerson["salutation"], path + ".salutation")
                    if let email = contactPerson["emailAddress"]?.stringValue, !Self.isEmail(email) {
                        failures.append(Self.invalidEmail(path + ".emailAddress"))
                    }
                }
            }
            return failures
        case (nil, let person?):
            return nonEmpty(person["lastName"], "person.lastName")
                + salutationFailures(person["salutation"], "person.salutation")
        }
    }

    private func addressFailures(_ addresses: JSONValue?) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        for kind in ["billing", "shipping"] {
            guard case .array(let list)? = addresses?[kind] else { continue }
            if list.count > 1 { failures.append(.invalid("addresses.\(kind).size")) }
            for (index, address) in list.enumerated() {
                let field = "addresses.\(kind)[\(index)].countryCode"
                guard let code = address["countryCode"]?.stringValue, !code.isEmpty else {
                    failures.append(.missing(field))
                    continue
                }
                if !countryCodes.contains(code) { failures.append(.invalid(field, "unbekannter Ländercode")) }
            }
        }
        return failures
    }

    private func communicationFailures(_ body: JSONValue) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        for (list, kinds) in [
            ("emailAddresses", ["business", "office", "private", "other"]),
            ("phoneNumbers", ["business", "office", "mobile", "private", "fax", "other"]),
        ] {
            for kind in kinds {
                guard case .array(let values)? = body[list]?[kind] else { continue }
                let field = "\(list).\(kind)"
                if values.count > 1 { failures.append(.invalid(field + ".size")) }
                for value in values {
                    let text = value.stringValue ?? ""
                    if list == "emailAddresses", !Self.isEmail(text) { failures.append(Self.invalidEmail(field)) }
                    if list == "phoneNumbers", text.isEmpty || text.count > 30 {
                        failures.append(.invalid(field, "Telefonnummer leer oder länger als 30 Zeichen"))
                    }
                }
            }
        }
        return failures
    }

    private func nonEmpty(_ value: JSONValue?, _ field: String) -> [ValidationFailure] {
        guard let text = value?.stringValue, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return [.missing(field)]
        }
        return []
    }

    private func salutationFailures(_ value: JSONValue?, _ field: String) -> [ValidationFailure] {
        guard let text = value?.stringValue, text.count > 25 else { return [] }
        return [.tooLong(field, max: 25)]
    }

    private static func invalidEmail(_ field: String) -> ValidationFailure {
        ValidationFailure(
            field: field,
            key: "invalid_email",
            violation: "EMAIL",
            message: "keine gültige E-Mail-Adresse"
        )
    }

    /// A pragmatic e-mail check: one `@`, a non-empty local part and a dotted domain, no spaces.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}
