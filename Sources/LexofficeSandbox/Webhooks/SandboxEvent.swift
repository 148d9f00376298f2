import LexofficeKit

/// Something that happened in an organization and is announced to its event subscriptions.
struct SandboxEvent: Codable, Sendable, Equatable {
    var organizationID: LexofficeID
    var eventType: EventType
    var resourceID: LexofficeID
    var eventDate: LexofficeDateTime
    /// The subscriptions to notify, fixed when the event was raised; `nil`: the organization's subscriptions
    /// when the dispatcher takes the event. (`token.revoked` fixes them: the revocation deletes some.)
    var recipients: [EventSubscription]?

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
