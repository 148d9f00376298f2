import HashTreeCollections
import LexofficeKit

extension Organization {
    /// Notes when contact `id` was created.
    mutating func recordCreation(ofContact id: LexofficeID, at date: LexofficeDateTime) {
        if contactCreatedDates == nil { contactCreatedDates = [:] }
        contactCreatedDates?[id] = date
    }

    /// When contact `id` was created; for a contact from a snapshot written before creation dates were kept, when
    /// the organization was created (its earliest possible date).
    func createdDate(ofContact id: LexofficeID) -> LexofficeDateTime? {
        contactCreatedDates?[id] ?? profile.created?.date
    }
}
