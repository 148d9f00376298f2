/// What storing a received document did.
package enum DocumentIntake: Sendable, Equatable {
    /// A new document was stored and its forwarding queued.
    case created(ForwardedDocument)
    /// The same `externalId` with the same content was received before; nothing changed.
    case unchanged(ForwardedDocument)

    /// The document as stored.
    package var document: ForwardedDocument {
        switch self {
        case .created(let document), .unchanged(let document): document
        }
    }
}
