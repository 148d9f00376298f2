extension CanonicalCustomer {
    /// Everything wrong with the customer, each issue naming its member (`#/company/name`), so that a sync does not
    /// fail later on data the source could have fixed. lexoffice's limits are checked too.
    package func validationIssues() -> [SourceInvoiceIssue] {
        var issues = SourceInvoiceIssueList()
        switch (company, person) {
        case (.some, .some): issues.add("#", "must have either company or person, not both")
        case (nil, nil): issues.add("#", "must have company or person")
        default: break
        }
        company?.collectIssues(into: &issues, at: "#/company")
        person?.collectIssues(into: &issues, at: "#/person")
        billingAddress?.collectIssues(into: &issues, at: "#/billingAddress")
        shippingAddress?.collectIssues(into: &issues, at: "#/shippingAddress")
        for (kind, address) in [
            ("business", emails?.business), ("office", emails?.office), ("other", emails?.other),
            ("private", emails?.private),
        ] {
            issues.checkEmailAddress(address, at: "#/emails/\(kind)")
        }
        for (kind, number) in [
            ("business", phones?.business), ("fax", phones?.fax), ("mobile", phones?.mobile),
            ("office", phones?.office), ("other", phones?.other), ("private", phones?.private),
        ] {
            issues.checkPhoneNumber(number, at: "#/phones/\(kind)")
        }
        issues.checkXRechnung(buyerReference, vendorNumberAtCustomer, at: "#")
        issues.checkLength(note, at: "#/note", limit: .lexoffice(1000))
        issues.checkLength(customerNumber, at: "#/customerNumber", limit: .hub(64))
        return issues.issues
    }
}
