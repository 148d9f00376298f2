import HashTreeCollections
import LexofficeKit

/// One simulated lexoffice organization: its profile, reference data and everything created in it.
///
/// The growing collections are `TreeDictionary`s (persistent hash tries): a change works on a copy of the
/// organization (a failed request changes nothing), and copying one of them costs O(log n) instead of the whole
/// table, which made every create O(n) with `Dictionary`.
struct Organization: Codable, Sendable {
    var profile: Profile
    var contacts: TreeDictionary<LexofficeID, Contact> = [:]
    /// When each contact was created, which a contact itself does not show but the action result of its update
    /// does; `nil` in snapshots from before it was kept (see ``createdDate(ofContact:)``).
    var contactCreatedDates: TreeDictionary<LexofficeID, LexofficeDateTime>?
    var articles: [LexofficeID: Article] = [:]
    var subscriptions: [LexofficeID: EventSubscription] = [:]
    /// The connection (OAuth connection or API key) that created each subscription; revoking it deletes them.
    var subscriptionConnections: [LexofficeID: LexofficeID] = [:]
    /// Sales vouchers of every type (invoices, credit notes, quotations …).
    var salesVouchers: TreeDictionary<LexofficeID, SalesVoucherRecord> = [:]
    /// The next number per prefix (`RE`, `GS`, `AG`, `AB`, `LS`).
    var nextVoucherNumbers: [String: Int] = [:]
    /// Recurring invoice templates (created through the admin hook; read-only in the API).
    var recurringTemplates: [LexofficeID: RecurringTemplate] = [:]
    /// Bookkeeping vouchers (`/v1/vouchers`).
    var vouchers: TreeDictionary<LexofficeID, Voucher> = [:]
    /// Receipt files of bookkeeping vouchers (`/v1/files`).
    var files: TreeDictionary<LexofficeID, SandboxFile> = [:]
    /// The next customer and vendor numbers (separate sequences).
    var nextCustomerNumber = 10_000
    var nextVendorNumber = 70_000
    /// Address, contact data, tax ids and bank account from the settings; `nil` in snapshots from before they
    /// existed, read as ``CompanyDetails/standard(email:)`` through ``company``.
    var companyDetails: CompanyDetails?
    /// Whether the "E-Rechnung" feature is active, which XML receipt uploads need; `nil` counts as active.
    var eInvoicing: Bool?

    /// Events raised by the current change, handed to the webhook dispatcher when the change is stored.
    var outbox: [SandboxEvent] = []

    var id: LexofficeID { profile.organizationId }

    /// The organization's master data (``companyDetails`` or the standard details).
    var company: CompanyDetails { companyDetails ?? .standard(email: profile.created?.userEmail) }

    /// Whether XML receipts may be uploaded.
    var acceptsEInvoices: Bool { eInvoicing ?? true }

    /// Raises an event for the organization's subscriptions.
    mutating func emit(_ eventType: EventType, _ resourceID: LexofficeID, at date: LexofficeDateTime) {
        outbox.append(SandboxEvent(organizationID: id, eventType: eventType, resourceID: resourceID, eventDate: date))
    }

    /// A fresh organization as lexoffice sets one up.
    static func fresh(companyName: String, userEmail: String, now: LexofficeDateTime) -> Organization {
        Organization(
            profile: Profile(
                organizationId: .random(),
                companyName: companyName,
                created: ProfileCreator(userId: .random(), userName: "Sandbox User", userEmail: userEmail, date: now),
                connectionId: .random(),
                features: ["cashbox"],
                businessFeatures: [.invoicing, .invoicingPro, .bookkeeping],
                subscriptionStatus: "active",
                taxType: .net,
                distanceSalesPrinciple: .origin,
                smallBusiness: false
            ),
            companyDetails: .standard(email: userEmail)
        )
    }
}
