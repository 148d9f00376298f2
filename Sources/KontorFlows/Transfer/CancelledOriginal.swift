import LexofficeKit

/// The lexoffice document of the invoice a cancellation cancels, as the credit note refers to it.
enum CancelledOriginal: Sendable, Equatable {
    /// A finalized lexoffice document: the credit note is linked to it (`precedingSalesVoucherId`).
    case linked(LexofficeID)
    /// A lexoffice draft, which lexoffice does not link credit notes to: the credit note stands alone and names
    /// the original's `number` in its introduction.
    case standalone(number: String)
}
