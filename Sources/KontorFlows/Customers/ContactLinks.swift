import KontorCore

/// Which lexoffice contact each source customer of a tenant is, a port the store implements. The invoice transfer
/// and the customer sync share the links: a customer synced first is not created again by a transfer, and the
/// other way round.
package protocol ContactLinks: Sendable {
    /// The lexoffice contact linked to the tenant's source customer, or `nil`.
    func contactLink(for sourceCustomerID: String, of tenant: TenantID) async throws -> ContactLink?

    /// Whether a link of the tenant already points to `lexofficeContactID`.
    func isLinked(_ lexofficeContactID: String, of tenant: TenantID) async throws -> Bool

    /// Links the tenant's source customer to a lexoffice contact and tells the source (`customer.linked`, once per
    /// link); committed only under `claim`.
    func link(_ link: ContactLink, of tenant: TenantID, under claim: JobClaim) async throws
}
