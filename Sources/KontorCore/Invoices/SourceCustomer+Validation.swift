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
        company?.collectIssues(into: &issues, at: pointer() + "/company")
        person?.collectIssues(into: &issues, at: pointer() + "/person")
        address?.collectIssues(into: &issues, at: pointer() + "/address")
        issues.checkEmailAddress(email, at: pointer() + "/email")
        issues.checkPhoneNumber(phone, at: pointer() + "/phone")
        issues.checkXRechnung(buyerReference, vendorNumberAtCustomer, at: pointer())
    }
}
