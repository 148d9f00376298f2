import KontorCore

extension SourceInvoiceRepresentation: CanonicalJSONObject {
    /// The same JSON as `JSONBody`'s encoder writes (sorted keys, ISO 8601 dates), written directly: every `PUT`
    /// answers with one. A new property must be added here too, in key order (a test compares both).
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
