// The JSON members of a canonical customer and its parts, each listed once (``JSONRecord``), in UTF-8 key order:
// read from a `PUT`'s body and written as the canonical JSON the hub stores, fingerprints and merges.

extension CanonicalCustomer: JSONRecord {
    /// The customer as the hub stores and fingerprints it: sorted keys, absent members left out.
    package var canonicalJSON: String {
        var writer = CanonicalJSONWriter(reservingCapacity: 512)
        writer.object { writeMembers(to: &$0) }
        return writer.text
    }

    package static var blank: Self { Self() }

    package static let members: [JSONMember<Self>] = [
        .optional("billingAddress", \.billingAddress),
        .optional("buyerReference", \.buyerReference),
        .optional("company", \.company),
        .optional("customerNumber", \.customerNumber),
        .optional("emails", \.emails),
        .optional("note", \.note),
        .optional("person", \.person),
        .optional("phones", \.phones),
        .optional("shippingAddress", \.shippingAddress),
        .optional("vendorNumberAtCustomer", \.vendorNumberAtCustomer),
    ]
}

extension CustomerEmails: JSONRecord {
    package static var blank: Self { Self() }

    package static let members: [JSONMember<Self>] = [
        .optional("business", \.business),
        .optional("office", \.office),
        .optional("other", \.other),
        .optional("private", \.private),
    ]
}

extension CustomerPhones: JSONRecord {
    package static var blank: Self { Self() }

    package static let members: [JSONMember<Self>] = [
        .optional("business", \.business),
        .optional("fax", \.fax),
        .optional("mobile", \.mobile),
        .optional("office", \.office),
        .optional("other", \.other),
        .optional("private", \.private),
    ]
}

extension SourceContactPerson: JSONRecord {
    package static var blank: Self { Self(lastName: "") }

    package static let members: [JSONMember<Self>] = [
        .optional("emailAddress", \.emailAddress),
        .optional("firstName", \.firstName),
        .required("lastName", \.lastName),
        .optional("phoneNumber", \.phoneNumber),
        .optional("primary", \.primary),
        .optional("salutation", \.salutation),
    ]
}
