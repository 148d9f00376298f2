import Foundation
import KontorCore
import KontorFlows

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

/// One write to lexoffice of an invoice's transfer or a customer's sync, as the hub API shows it.
struct StepRepresentation: CanonicalJSONObject {
    let name: String
    let state: String
    let startedAt: Date
    let finishedAt: Date?
    let lexofficeId: String?
    let note: String?

    /// The step as shown.
    init(_ step: TransferStep) {
        self.init(
            name: step.name.rawValue,
            state: step.state.rawValue,
            startedAt: step.startedAt,
            finishedAt: step.finishedAt,
            lexofficeId: step.lexofficeID,
            note: step.note
        )
    }

    /// A step as shown.
    init(name: String, state: String, startedAt: Date, finishedAt: Date?, lexofficeId: String?, note: String?) {
        self.name = name
        self.state = state
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.lexofficeId = lexofficeId
        self.note = note
    }

    func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("finishedAt", finishedAt)
        json.member("lexofficeId", lexofficeId)
        json.member("name", name)
        json.member("note", note)
        json.member("startedAt", startedAt)
        json.member("state", state)
    }
}
