import ArgumentParser
import LexofficeKit

/// The flags for a contact's common fields; they override the same fields of `--data`.
struct ContactFields: ParsableArguments {
    @Option(help: "The company name (a company contact).")
    var company: String?

    @Option(help: "The salutation of a person contact, e.g. Frau.")
    var salutation: String?

    @Option(help: "The first name of a person contact.")
    var firstName: String?

    @Option(help: "The last name of a person contact.")
    var lastName: String?

    @Option(help: "The business e-mail address.")
    var email: String?

    @Option(help: "The business phone number.")
    var phone: String?

    @Option(help: "A note (at most 1000 characters).")
    var note: String?

    @Flag(help: "Give the contact the customer role.")
    var customer = false

    @Flag(help: "Give the contact the vendor role.")
    var vendor = false

    func validate() throws {
        if company != nil, salutation != nil || firstName != nil || lastName != nil {
            throw ValidationError("--company excludes the person flags (use --data for a company's contact person)")
        }
    }

    /// Writes the given fields into a contact's JSON; roles are added, never removed.
    func apply(to contact: inout JSONValue) {
        let strings = [
            ("company.name", company), ("person.salutation", salutation), ("person.firstName", firstName),
            ("person.lastName", lastName), ("note", note),
        ]
        for (path, value) in strings { if let value { contact.set(.string(value), at: path) } }
        if let email { contact.set(.array([.string(email)]), at: "emailAddresses.business") }
        if let phone { contact.set(.array([.string(phone)]), at: "phoneNumbers.business") }
        for (role, isWanted) in [("customer", customer), ("vendor", vendor)] where isWanted {
            if contact.value(at: "roles.\(role)") == nil { contact.set(.object([:]), at: "roles.\(role)") }
        }
    }
}
