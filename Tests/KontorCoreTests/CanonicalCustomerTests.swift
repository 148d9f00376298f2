import Foundation
import KontorCore
import LexofficeKit
import Testing

/// The canonical customer of the customer sync: its JSON (read and written from one member list), its checks, and
/// its mapping to and from lexoffice contacts.
@Suite("Canonical customer")
struct CanonicalCustomerTests {
    static let complete = CanonicalCustomer(
        company: SourceCompany(
            name: "Rad & Tat GmbH",
            vatRegistrationId: "DE123456789",
            taxNumber: "22/815/08154",
            contactPersons: [
                SourceContactPerson(
                    salutation: "Frau",
                    firstName: "Inge",
                    lastName: "Sommer",
                    primary: true,
                    emailAddress: "inge@radtat.example",
                    phoneNumber: "+49 30 1234"
                )
            ]
        ),
        billingAddress: SourceAddress(
            supplement: "Hof 2",
            street: "Ufer 1",
            zip: "10999",
            city: "Berlin",
            countryCode: "DE"
        ),
        shippingAddress: SourceAddress(street: "Lager 5", zip: "12345", city: "Potsdam", countryCode: "DE"),
        emails: CustomerEmails(business: "rechnung@radtat.example", office: "office@radtat.example"),
        phones: CustomerPhones(business: "+49 30 1", mobile: "+49 170 2", fax: "+49 30 3"),
        buyerReference: "04011000-12345-67",
        vendorNumberAtCustomer: "K-77",
        note: "Stammkunde",
        customerNumber: "S-1001"
    )

    @Test("canonical JSON is what JSONEncoder writes with sorted keys; the plain reader reads it back as JSONDecoder")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let encoded = String(decoding: try encoder.encode(Self.complete), as: UTF8.self)
        #expect(Self.complete.canonicalJSON == encoded)
        let bytes = Array(encoded.utf8)
        let plain = try #require(bytes.withUnsafeBytes { PlainJSON.parse($0) })
        #expect(try CanonicalCustomer(plainJSON: plain) == Self.complete)
        #expect(try JSONDecoder().decode(CanonicalCustomer.self, from: Data(bytes)) == Self.complete)
        // `person` excludes `company`; every other property is set.
        let absent = Mirror(reflecting: Self.complete).children.filter {
            $0.label != "person" && Mirror(reflecting: $0.value).displayStyle == .optional
                && Mirror(reflecting: $0.value).children.isEmpty
        }
        #expect(absent.isEmpty, "a new optional property must be set in the sample: \(absent.map(\.label))")
    }

    @Test("every invalid member is named by its pointer")
    func validation() {
        #expect(Self.complete.validationIssues().isEmpty)
        var wrong = Self.complete
        wrong.person = SourcePerson(lastName: " ")
        wrong.company?.vatRegistrationId = "de123"
        wrong.company?.contactPersons?.append(SourceContactPerson(lastName: "Zwei"))
        wrong.billingAddress?.countryCode = "Germany"
        wrong.emails?.office = "no-at-sign"
        wrong.phones?.fax = String(repeating: "1", count: 31)
        wrong.vendorNumberAtCustomer = nil
        wrong.note = String(repeating: "n", count: 1001)
        let pointers = Set(wrong.validationIssues().map(\.pointer))
        #expect(
            pointers == [
                "#", "#/person/lastName", "#/company/vatRegistrationId", "#/company/contactPersons",
                "#/billingAddress/countryCode", "#/emails/office", "#/phones/fax", "#/vendorNumberAtCustomer",
                "#/note",
            ]
        )
        #expect(CanonicalCustomer().validationIssues().map(\.pointer) == ["#"])
    }

    @Test(
        "e-mail addresses follow the OpenAPI document's EmailAddress pattern, code point by code point",
        arguments: [
            ("rechnung@radtat.example", true), ("ä.ö@straße.example", true),
            // U+1F3FB extends the `@` into one Character; the `@` still counts.
            ("a@\u{1F3FB}.b.c", true), ("a@b", false), ("@b.c", false), ("a@b..c", false), ("a b@c.de", false),
            ("a@b.c\u{0007}", false), ("a@b@c.de", false),
            (String(repeating: "a", count: 250) + "@b.de", false),
        ]
    )
    func emailAddresses(address: String, isValid: Bool) {
        var customer = Self.complete
        customer.emails?.office = address
        #expect(customer.validationIssues().isEmpty == isValid, "\(address.unicodeScalars.map(\.value))")
    }

    @Test("to a new lexoffice contact and back: the same customer, lexoffice's number; the hub's marker note left out")
    func roundTrip() {
        var withoutNote = Self.complete
        withoutNote.note = nil
        var contact = withoutNote.newLexofficeContact(noteWhenEmpty: "Kontor: source customer c-1")
        #expect(contact.version == 0)
        #expect(contact.roles == ContactRoles(customer: CustomerRole()))
        #expect(contact.note == "Kontor: source customer c-1")
        #expect(contact.listsWithSeveralEntries.isEmpty)
        contact.roles.customer?.number = 10_042
        let back = CanonicalCustomer(contact, ignoredNote: "Kontor: source customer c-1")
        var expected = withoutNote
        expected.customerNumber = "10042"
        #expect(back == expected)
        #expect(Self.complete.newLexofficeContact(noteWhenEmpty: "marker").note == "Stammkunde")
    }

    @Test("applied to a contact: id, version, roles and allowTaxFreeInvoices kept, the rest replaced")
    func applied() throws {
        let id = try LexofficeID("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")
        let existing = Contact(
            version: 7,
            roles: ContactRoles(customer: CustomerRole(number: 10_001), vendor: VendorRole(number: 70_001)),
            company: Company(name: "Alt", allowTaxFreeInvoices: true),
            emailAddresses: EmailAddresses(other: ["alt@example.com"]),
            note: "alt",
            id: id,
            archived: false
        )
        let updated = Self.complete.applied(to: existing)
        #expect(updated.id == id && updated.version == 7 && updated.roles == existing.roles)
        #expect(updated.archived == false)
        #expect(updated.company?.allowTaxFreeInvoices == true)
        #expect(updated.company?.name == "Rad & Tat GmbH")
        #expect(updated.emailAddresses?.other == nil)
        #expect(updated.emailAddresses?.business == ["rechnung@radtat.example"])
        #expect(updated.note == "Stammkunde")
    }

    @Test("a contact with two entries in a list cannot be updated through the API, and says which lists")
    func severalEntries() {
        let contact = Contact(
            version: 1,
            roles: ContactRoles(customer: CustomerRole()),
            person: Person(lastName: "Doppel"),
            addresses: ContactAddresses(billing: [ContactAddress(countryCode: "DE"), ContactAddress(countryCode: "AT")]
            ),
            emailAddresses: EmailAddresses(business: ["a@example.com"], private: ["b@example.com", "c@example.com"])
        )
        #expect(contact.listsWithSeveralEntries == ["addresses.billing", "emailAddresses.private"])
    }
}
