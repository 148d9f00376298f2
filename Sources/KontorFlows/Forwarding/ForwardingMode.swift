/// How a tenant's structured e-invoices reach lexoffice (issue 26): read by Kontor or uploaded as they are.
package enum ForwardingMode: String, Sendable, Codable, CaseIterable {
    /// Kontor reads the e-invoice and creates the bookkeeping voucher itself: validated, numbered, contact matched,
    /// the original attached (the default).
    case read
    /// The original goes to `POST /v1/files` as it is; lexoffice reads it where the organization has its e-invoice
    /// feature.
    case upload
}
