import Foundation

extension SourceInvoice: CanonicalJSONObject {
    /// The invoice as the hub stores and fingerprints it: the JSON `JSONEncoder` writes with
    /// `[.sortedKeys, .withoutEscapingSlashes]`, byte for byte, written directly (``CanonicalJSONWriter``). Every
    /// property of the invoice and its parts is written; a new property must be added to its type's
    /// `writeMembers(to:)`, in key order (tests check both).
    package var canonicalJSON: String {
        var writer = CanonicalJSONWriter(reservingCapacity: 512 + (pdf?.utf8.count ?? 0))
        writer.object { writeMembers(to: &$0) }
        return writer.text
    }

    package func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("cancels", cancels)
        json.member("currency", currency)
        json.member("customer", customer)
        json.member("date", date)
        json.member("dueDate", dueDate)
        json.member("introduction", introduction)
        json.member("lineItems", lineItems)
        json.member("number", number)
        json.member("paymentStatus", paymentStatus)
        json.member("paymentTermDays", paymentTermDays)
        json.member("pdf", pdf)
        json.member("remark", remark)
        json.member("status", status)
        json.member("taxType", taxType)
        json.member("title", title)
        json.member("totalDiscountPercent", totalDiscountPercent)
        json.member("totals", totals)
    }
}

extension SourceCustomer: CanonicalJSONObject {
    package func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("address", address)
        json.member("buyerReference", buyerReference)
        json.member("company", company)
        json.member("email", email)
        json.member("lexofficeContactId", lexofficeContactId)
        json.member("person", person)
        json.member("phone", phone)
        json.member("sourceId", sourceId)
        json.member("vendorNumberAtCustomer", vendorNumberAtCustomer)
    }
}

extension SourceAddress: CanonicalJSONObject {
    package func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("city", city)
        json.member("countryCode", countryCode)
        json.member("street", street)
        json.member("supplement", supplement)
        json.member("zip", zip)
    }
}

extension SourceCompany: CanonicalJSONObject {
    package func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("name", name)
        json.member("taxNumber", taxNumber)
        json.member("vatRegistrationId", vatRegistrationId)
    }
}

extension SourcePerson: CanonicalJSONObject {
    package func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("firstName", firstName)
        json.member("lastName", lastName)
        json.member("salutation", salutation)
    }
}

extension SourceLineItem: CanonicalJSONObject {
    package func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("description", description)
        json.member("discountPercent", discountPercent)
        json.member("name", name)
        json.member("quantity", quantity)
        json.member("taxRatePercent", taxRatePercent)
        json.member("unitName", unitName)
        json.member("unitPrice", unitPrice)
    }
}

extension SourceUnitPrice: CanonicalJSONObject {
    package func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("gross", gross)
        json.member("net", net)
    }
}

extension SourceTotals: CanonicalJSONObject {
    package func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("gross", gross)
        json.member("net", net)
    }
}
