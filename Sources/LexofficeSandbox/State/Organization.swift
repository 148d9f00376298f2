import LexofficeKit

/// One simulated lexoffice organization: its profile, reference data and everything created in it.
struct Organization: Sendable {
    var profile: Profile
    var contacts: [LexofficeID: Contact] = [:]
    var articles: [LexofficeID: Article] = [:]
    var subscriptions: [LexofficeID: EventSubscription] = [:]
    /// Bookkeeping vouchers (`/v1/vouchers`).
    var vouchers: [LexofficeID: Voucher] = [:]
    /// The next customer and vendor numbers (separate sequences).
    var nextCustomerNumber = 10_000
    var nextVendorNumber = 70_000

    var id: LexofficeID { profile.organizationId }

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
            )
        )
    }
}
