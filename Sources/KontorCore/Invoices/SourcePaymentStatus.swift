/// Whether the source application considers an invoice paid; exports can be limited to one of them (a field-service
/// seed exports "open" invoices only). It is not sent to lexoffice and may change after the transfer.
package enum SourcePaymentStatus: String, Sendable, Codable, CaseIterable {
    /// Not paid (fully) yet.
    case open
    /// Paid.
    case paid
}
