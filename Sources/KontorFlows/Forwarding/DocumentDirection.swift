/// Whether a forwarded document was received or issued by the tenant's company.
package enum DocumentDirection: String, Sendable, Codable, CaseIterable {
    /// A purchase document (the company received it): `purchaseinvoice` / `purchasecreditnote`.
    case incoming
    /// A sales document (the company sent it): `salesinvoice` / `salescreditnote`.
    case outgoing
}
