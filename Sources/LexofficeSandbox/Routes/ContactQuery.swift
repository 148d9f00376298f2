import HTTPTypes
import LexofficeKit

/// The filters of `GET /v1/contacts`, parsed and validated (400 in the legacy shape for short search text).
struct ContactQuery {
    var email: LikePattern?
    var name: LikePattern?
    var number: Int?
    var customer: Bool?
    var vendor: Bool?

    init(_ call: APICall) throws {
        for parameter in ["email", "name"] {
            guard let value = call.query(parameter) else { continue }
            guard value.count >= 3 else {
                throw SandboxProblem(
                    status: .badRequest,
                    message: "size must be between 3 and 255",
                    issues: [
                        LegacyIssue(
                            i18nKey: "bad_request_error",
                            source: "size must be between 3 and 255",
                            type: "bad_request_error"
                        )
                    ]
                )
            }
            if parameter == "email" {
                email = LikePattern(searchText: value)
            } else {
                name = LikePattern(searchText: value)
            }
        }
        if let text = call.query("number") {
            guard let value = Int(text) else {
                throw SandboxProblem.badRequest(
                    "Invalid value '\(text)' received for request parameter 'number'.",
                    parameter: "number"
                )
            }
            number = value
        }
        customer = try call.booleanQuery("customer")
        vendor = try call.booleanQuery("vendor")
    }

    /// Whether a contact passes every set filter.
    func matches(_ contact: Contact) -> Bool {
        if let name, !name.matches(ContactRoutes.name(of: contact)) { return false }
        if let email, !Self.emails(of: contact).contains(where: email.matches) { return false }
        if let number, contact.roles.customer?.number != number, contact.roles.vendor?.number != number { return false }
        if let customer, (contact.roles.customer != nil) != customer { return false }
        if let vendor, (contact.roles.vendor != nil) != vendor { return false }
        return true
    }

    private static func emails(of contact: Contact) -> [String] {
        let lists = contact.emailAddresses.map { [$0.business, $0.office, $0.private, $0.other] } ?? []
        return lists.compactMap { $0 }.flatMap { $0 }
            + (contact.company?.contactPersons ?? []).compactMap(\.emailAddress)
    }
}
