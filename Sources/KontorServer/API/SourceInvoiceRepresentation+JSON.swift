import KontorCore

extension SourceInvoiceRepresentation: CanonicalJSONObject {
    /// The resource's JSON (sorted keys, ISO 8601 dates, absent members left out), written directly: every `PUT`
    /// answers with one. A new property must be added here too, in key order (a test reflects on the properties
    /// and finds every one written).
    func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("cancels", cancels)
        json.member("customerNumber", customerNumber)
        json.member("date", date)
        json.member("deepLink", deepLink)
        json.member("lexofficeId", lexofficeId)
        json.member("lexofficeStatus", lexofficeStatus)
        json.member("lexofficeType", lexofficeType)
        json.member("number", number)
        json.member("paymentStatus", paymentStatus)
        json.member("receivedAt", receivedAt)
        json.member("sourceId", sourceId)
        json.member("state", state)
        json.member("stateReason", stateReason)
        json.member("status", status)
        json.member("steps", steps)
        json.member("totalsDifference", totalsDifference)
        json.member("updatedAt", updatedAt)
        json.member("version", version)
        json.member("voucherNumber", voucherNumber)
    }
}

extension SourceInvoiceRepresentation.Step: CanonicalJSONObject {
    func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("finishedAt", finishedAt)
        json.member("lexofficeId", lexofficeId)
        json.member("name", name)
        json.member("note", note)
        json.member("startedAt", startedAt)
        json.member("state", state)
    }
}
