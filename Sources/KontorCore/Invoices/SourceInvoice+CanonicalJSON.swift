import Foundation

extension SourceInvoice {
    /// The invoice as the hub stores and fingerprints it: the JSON `JSONEncoder` writes with
    /// `[.sortedKeys, .withoutEscapingSlashes]`, byte for byte, written directly (``CanonicalJSONWriter``). Every
    /// property is written; a new property must be added here, in key order (tests check both).
    package var canonicalJSON: String {
        var writer = CanonicalJSONWriter(reservingCapacity: 512 + (pdf?.utf8.count ?? 0))
        write(to: &writer)
        return writer.text
    }

    private func write(to writer: inout CanonicalJSONWriter) {
        writer.object { json in
            json.member("cancels", cancels)
            json.member("currency", currency)
            json.key("customer")
            customer.write(to: &json)
            json.member("date", date)
            json.member("dueDate", dueDate)
            json.member("introduction", introduction)
            json.key("lineItems")
            json.array(lineItems) { json, item in item.write(to: &json) }
            json.member("number", number)
            json.member("paymentTermDays", paymentTermDays)
            json.member("pdf", pdf)
            json.member("remark", remark)
            json.member("status", status)
            json.member("taxType", taxType)
            json.member("title", title)
            json.member("totalDiscountPercent", totalDiscountPercent)
            if let totals {
                json.key("totals")
                json.object { json in
                    json.member("gross", totals.gross)
                    json.member("net", totals.net)
                }
            }
        }
    }
}

extension SourceCustomer {
    fileprivate func write(to writer: inout CanonicalJSONWriter) {
        writer.object { json in
            if let address {
                json.key("address")
                json.object { json in
                    json.member("city", address.city)
                    json.member("countryCode", address.countryCode)
                    json.member("street", address.street)
                    json.member("supplement", address.supplement)
                    json.member("zip", address.zip)
                }
            }
            json.member("buyerReference", buyerReference)
            if let company {
                json.key("company")
                json.object { json in
                    json.member("name", company.name)
                    json.member("taxNumber", company.taxNumber)
                    json.member("vatRegistrationId", company.vatRegistrationId)
                }
            }
            json.member("email", email)
            json.member("lexofficeContactId", lexofficeContactId)
            if let person {
                json.key("person")
                json.object { json in
                    json.member("firstName", person.firstName)
                    json.member("lastName", person.lastName)
                    json.member("salutation", person.salutation)
                }
            }
            json.member("phone", phone)
            json.member("sourceId", sourceId)
            json.member("vendorNumberAtCustomer", vendorNumberAtCustomer)
        }
    }
}

extension SourceLineItem {
    fileprivate func write(to writer: inout CanonicalJSONWriter) {
        writer.object { json in
            json.member("description", description)
            json.member("discountPercent", discountPercent)
            json.member("name", name)
            json.member("quantity", quantity)
            json.member("taxRatePercent", taxRatePercent)
            json.member("unitName", unitName)
            json.key("unitPrice")
            json.object { json in
                json.member("gross", unitPrice.gross)
                json.member("net", unitPrice.net)
            }
        }
    }
}
