import Foundation

extension SourceCustomer {
    /// Adds the customer's issues; `pointer` is the customer's own, `#/customer`.
    func collectIssues(into issues: inout SourceInvoiceIssueList, at pointer: @autoclosure () -> String) {
        switch (company, person) {
        case (.some, .some):
            issues.add(pointer(), "must have either company or person, not both")
        case (nil, nil) where lexofficeContactId == nil:
            issues.add(pointer(), "must have company or person unless lexofficeContactId is given")
        default:
            break
        }
        issues.checkRequired(sourceId, at: pointer() + "/sourceId", limit: .hub(128))
        if let lexofficeContactId, UUID(uuidString: lexofficeContactId) == nil {
            issues.add(pointer() + "/lexofficeContactId", "must be a UUID such as 0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")
        }
        if let company {
            issues.checkRequired(company.name, at: pointer() + "/company/name")
            if let vatRegistrationId = company.vatRegistrationId, !Self.isVATRegistrationID(vatRegistrationId) {
                issues.add(
                    pointer() + "/company/vatRegistrationId",
                    "must be a VAT id such as DE123456789: country prefix and 2 to 12 upper-case letters or digits"
                )
            }
        }
        if let person {
            issues.checkLength(person.salutation, at: pointer() + "/person/salutation", limit: .lexoffice(25))
            issues.checkRequired(person.lastName, at: pointer() + "/person/lastName")
        }
        if let address, !Self.isCountryCode(address.countryCode) {
            issues.add(
                pointer() + "/address/countryCode",
                "must be an upper-case ISO 3166-1 alpha-2 code such as DE, or a lexoffice region code such as ES_CN"
            )
        }
        if let email, !Self.isEmailAddress(email) {
            issues.add(pointer() + "/email", "must be an e-mail address such as name@example.com")
        }
        if let phone, phone.utf16.count > 30 {
            issues.add(pointer() + "/phone", "must be at most 30 characters (lexoffice rejects longer numbers)")
        }
        if let buyerReference, !buyerReference.isEmpty,
            vendorNumberAtCustomer?.allSatisfy(\.isWhitespace) ?? true
        {
            issues.add(pointer() + "/vendorNumberAtCustomer", "is required when buyerReference is given (XRechnung)")
        }
    }

    /// Two upper-case letters, optionally followed by `_` and 1–3 upper-case letters or digits (`ES_CN`, `GR_69`).
    private static func isCountryCode(_ text: String) -> Bool {
        let parts = text.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        guard let country = parts.first, country.utf8.count == 2, country.utf8.allSatisfy(isUpperCaseLetter) else {
            return false
        }
        guard parts.count == 2 else { return true }
        let region = parts[1].utf8
        return (1...3).contains(region.count) && region.allSatisfy { isUpperCaseLetter($0) || isDigit($0) }
    }

    /// A two-letter country prefix, then 2–12 upper-case letters, digits, `+` or `*` (Irish ids), no spaces.
    private static func isVATRegistrationID(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        guard (4...14).contains(characters.count), characters.prefix(2).allSatisfy(isUpperCaseLetter) else {
            return false
        }
        return characters.dropFirst(2).allSatisfy {
            isUpperCaseLetter($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "*")
        }
    }

    /// A plausible address: one `@` between a non-empty local part and a domain with an inner dot, no white space,
    /// at most 254 characters. Deliverability is not checked.
    private static func isEmailAddress(_ text: String) -> Bool {
        guard text.utf16.count <= 254, !text.contains(where: \.isWhitespace) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty else {
            return false
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// Whether the byte is an ASCII upper-case letter.
    private static func isUpperCaseLetter(_ character: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(character)
    }

    /// Whether the byte is an ASCII decimal digit.
    private static func isDigit(_ character: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character)
    }
}
