import LexofficeKit

/// Something that happened in an organization and is announced to its event subscriptions.
struct SandboxEvent: Sendable, Equatable {
    var organizationID: LexofficeID
    var eventType: EventType
    var resourceID: LexofficeID
    var eventDate: LexofficeDateTime

    /// The compact callback body, keys in the documented order (`organizationId, eventType, resourceId,
    /// eventDate`). Written by hand: the signature covers these exact bytes, and `JSONEncoder` does not keep
    /// key order.
    var callbackBody: [UInt8] {
        let text =
            #"{"organizationId":"\#(organizationID)","eventType":"\#(eventType.rawValue)","#
            + #""resourceId":"\#(resourceID)","eventDate":"\#(eventDate)"}"#
        return Array(text.utf8)
    }
}
