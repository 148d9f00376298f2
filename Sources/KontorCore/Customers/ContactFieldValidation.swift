import Foundation

// The checks of a customer's parts that an invoice's customer and a synced customer share: what lexoffice would
// refuse is found when the source sends it.

extension SourceCompany {
    /// Adds the company's issues; `pointer` is the company's own (`#/customer/company`).
    func collectIssues(into issues: inout SourceInvoiceIssueList, at pointer: @autoclosure () -> String) {
        issues.checkRequired(name, at: pointer() + "/name")
        if let vatRegistrationId, !ContactFieldRules.isVATRegistrationID(vatRegistrationId) {
            issues.add(
                pointer() + "/vatRegistrationId",
                "must be a VAT id such as DE123456789: country prefix and 2 to 12 upper-case letters or digits"
            )
        }
        guard let contactPersons else { return }
        if contactPersons.count > 1 {
            issues.add(
                pointer() + "/contactPersons",
                "must have at most one contact person (lexoffice's API takes one)"
            )
        }
        for (index, person) in contactPersons.enumerated() {
            let at = pointer() + "/contactPersons/\(index)"
            issues.checkLength(person.salutation, at: at + "/salutation", limit: .lexoffice(25))
            issues.checkRequired(person.lastName, at: at + "/lastName")
            issues.checkEmailAddress(person.emailAddress, at: at + "/emailAddress")
            issues.checkPhoneNumber(person.phoneNumber, at: at + "/phoneNumber")
        }
    }
}

extension SourcePerson {
    /// Adds the person's issues; `pointer` is the person's own.
    func collectIssues(into issues: inout SourceInvoiceIssueList, at pointer: @autoclosure () -> String) {
        issues.checkLength(salutation, at: pointer() + "/salutation", limit: .lexoffice(25))
        issues.checkRequired(lastName, at: pointer() + "/lastName")
    }
}

extension SourceAddress {
    /// Adds the address's issues; `pointer` is the address's own.
    func collectIssues(into issues: inout SourceInvoiceIssueList, at pointer: @autoclosure () -> String) {
        if !ContactFieldRules.isCountryCode(countryCode) {
            issues.add(
                pointer() + "/countryCode",
                "must be an upper-case ISO 3166-1 alpha-2 code such as DE, or a lexoffice region code such as ES_CN"
            )
        }
    }
}

extension SourceInvoiceIssueList {
    /// Checks an optional e-mail address.
    mutating func checkEmailAddress(_ address: String?, at pointer: @autoclosure () -> String) {
        guard let address, !ContactFieldRules.isEmailAddress(address) else { return }
        add(pointer(), "must be an e-mail address such as name@example.com")
    }

    /// Checks an optional phone number against lexoffice's limit.
    mutating func checkPhoneNumber(_ number: String?, at pointer: @autoclosure () -> String) {
        guard let number, number.utf16.count > 30 else { return }
        add(pointer(), "must be at most 30 characters (lexoffice rejects longer numbers)")
    }

    /// Checks that a buyer reference comes with the supplier number XRechnung needs; `pointer` is the customer's.
    mutating func checkXRechnung(
        _ buyerReference: String?,
        _ vendorNumberAtCustomer: String?,
        at pointer: @autoclosure () -> String
    ) {
        guard let buyerReference, !buyerReference.isEmpty, vendorNumberAtCustomer?.allSatisfy(\.isWhitespace) ?? true
        else { return }
        add(pointer() + "/vendorNumberAtCustomer", "is required when buyerReference is given (XRechnung)")
    }
}

/// The formats of contact fields lexoffice checks.
enum ContactFieldRules {
    /// Two upper-case letters, optionally followed by `_` and 1–3 upper-case letters or digits (`ES_CN`, `GR_69`).
    static func isCountryCode(_ text: String) -> Bool {
        let parts = text.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        guard let country = parts.first, country.utf8.count == 2, country.utf8.allSatisfy(isUpperCaseLetter) else {
            return false
        }
        guard parts.count == 2 else { return true }
        let region = parts[1].utf8
        return (1...3).contains(region.count) && region.allSatisfy { isUpperCaseLetter($0) || isDigit($0) }
    }

    /// A two-letter country prefix, then 2–12 upper-case letters, digits, `+` or `*` (Irish ids), no spaces.
    static func isVATRegistrationID(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        guard (4...14).contains(characters.count), characters.prefix(2).allSatisfy(isUpperCaseLetter) else {
            return false
        }
        return characters.dropFirst(2).allSatisfy {
            isUpperCaseLetter($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "*")
        }
    }

    /// A plausible address: one `@` between a non-empty local part and a domain with an inner dot, no white space
    /// or control characters, at most 254 code points (the `EmailAddress` pattern of the hub's OpenAPI document).
    /// Deliverability is not checked.
    static func isEmailAddress(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 254,
            !text.unicodeScalars.contains(where: {
                $0.properties.isWhitespace || $0.properties.generalCategory == .control
            })
        else { return false }
        // Split by code points, not characters: a combining mark after `@` or `.` must not hide it.
        let scalars = text.unicodeScalars
        let parts = scalars.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty else {
            return false
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    private static func isUpperCaseLetter(_ character: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(character)
    }

    private static func isDigit(_ character: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character)
    }
}
