import Foundation

// The JSON members of a source invoice and its parts, each listed once (``JSONRecord``): read from a `PUT`'s body
// without `JSONDecoder` (the same values it gives; tests compare both on random and damaged bodies) and written as
// the canonical JSON the hub stores and fingerprints (byte for byte what `JSONEncoder` writes with
// `[.sortedKeys, .withoutEscapingSlashes]`; tests compare both). Members are in UTF-8 key order.

extension SourceInvoice: JSONRecord {
    /// The invoice as the hub stores and fingerprints it (see ``transferredContent``).
    package var canonicalJSON: String {
        var writer = CanonicalJSONWriter(reservingCapacity: 512 + (pdf?.utf8.count ?? 0))
        writer.object { writeMembers(to: &$0) }
        return writer.text
    }

    package static var blank: Self {
        Self(number: "", date: "", taxType: "", status: "", customer: .blank, lineItems: [])
    }

    package static let members: [JSONMember<Self>] = [
        .optional("cancels", \.cancels),
        .optional("currency", \.currency),
        .required("customer", \.customer),
        .required("date", \.date),
        .optional("dueDate", \.dueDate),
        .optional("introduction", \.introduction),
        .required("lineItems", \.lineItems),
        .required("number", \.number),
        .optional("paymentStatus", \.paymentStatus),
        .optional("paymentTermDays", \.paymentTermDays),
        .optional("pdf", \.pdf),
        .optional("remark", \.remark),
        .required("status", \.status),
        .required("taxType", \.taxType),
        .optional("title", \.title),
        .optional("totalDiscountPercent", \.totalDiscountPercent),
        .optional("totals", \.totals),
    ]
}

extension SourceCustomer: JSONRecord {
    package static var blank: Self { Self(sourceId: "") }

    package static let members: [JSONMember<Self>] = [
        .optional("address", \.address),
        .optional("buyerReference", \.buyerReference),
        .optional("company", \.company),
        .optional("email", \.email),
        .optional("lexofficeContactId", \.lexofficeContactId),
        .optional("person", \.person),
        .optional("phone", \.phone),
        .required("sourceId", \.sourceId),
        .optional("vendorNumberAtCustomer", \.vendorNumberAtCustomer),
    ]
}

extension SourceAddress: JSONRecord {
    package static var blank: Self { Self(countryCode: "") }

    package static let members: [JSONMember<Self>] = [
        .optional("city", \.city),
        .required("countryCode", \.countryCode),
        .optional("street", \.street),
        .optional("supplement", \.supplement),
        .optional("zip", \.zip),
    ]
}

extension SourceCompany: JSONRecord {
    package static var blank: Self { Self(name: "") }

    package static let members: [JSONMember<Self>] = [
        .optional("contactPersons", \.contactPersons),
        .required("name", \.name),
        .optional("taxNumber", \.taxNumber),
        .optional("vatRegistrationId", \.vatRegistrationId),
    ]
}

extension SourcePerson: JSONRecord {
    package static var blank: Self { Self(lastName: "") }

    package static let members: [JSONMember<Self>] = [
        .optional("firstName", \.firstName),
        .required("lastName", \.lastName),
        .optional("salutation", \.salutation),
    ]
}

extension SourceLineItem: JSONRecord {
    package static var blank: Self {
        Self(name: "", quantity: 0, unitName: "", unitPrice: SourceUnitPrice(), taxRatePercent: 0)
    }

    package static let members: [JSONMember<Self>] = [
        .optional("description", \.description),
        .optional("discountPercent", \.discountPercent),
        .required("name", \.name),
        .required("quantity", \.quantity),
        .required("taxRatePercent", \.taxRatePercent),
        .required("unitName", \.unitName),
        .required("unitPrice", \.unitPrice),
    ]
}

extension SourceUnitPrice: JSONRecord {
    package static var blank: Self { Self() }

    package static let members: [JSONMember<Self>] = [.optional("gross", \.gross), .optional("net", \.net)]
}

extension SourceTotals: JSONRecord {
    package static var blank: Self { Self() }

    package static let members: [JSONMember<Self>] = [.optional("gross", \.gross), .optional("net", \.net)]
}
