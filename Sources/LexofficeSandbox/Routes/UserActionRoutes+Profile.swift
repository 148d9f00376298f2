import Foundation
import Hummingbird
import LexofficeKit

extension UserActionRoutes {
    /// Body of `POST /_sandbox/profile`: the settings a user changes in the web app. Absent fields stay as they
    /// are; `company` replaces the master data as a whole (omit a field there to remove it).
    struct ProfileChange: Codable {
        var companyName: String?
        var taxType: TaxType?
        var smallBusiness: Bool?
        var distanceSalesPrinciple: DistanceSalesPrinciple?
        var businessFeatures: [BusinessFeature]?
        /// The "E-Rechnung" feature that XML receipt uploads need.
        var eInvoicing: Bool?
        var company: CompanyDetails?
    }

    /// `POST /_sandbox/profile`: changes the bearer's organization settings; answers the new profile.
    func registerProfile<Context: RequestContext>(on collection: RouteCollection<Context>) {
        collection.on("_sandbox/profile", method: .post) { request, _ in
            try await act(request) { organizationID, _ in
                let change = try await Self.decode(ProfileChange.self, from: request)
                let profile = try api.state.write(organizationID) { organization -> Profile in
                    organization.apply(change)
                    return organization.profile
                }
                return try SandboxResponses.json(profile)
            }
        }
    }
}

extension Organization {
    /// Applies a settings change from the admin hook.
    mutating func apply(_ change: UserActionRoutes.ProfileChange) {
        if let name = change.companyName { profile.companyName = name }
        if let taxType = change.taxType { profile.taxType = taxType }
        if let smallBusiness = change.smallBusiness { profile.smallBusiness = smallBusiness }
        if let principle = change.distanceSalesPrinciple { profile.distanceSalesPrinciple = principle }
        if let features = change.businessFeatures { profile.businessFeatures = features }
        if let eInvoicing = change.eInvoicing { self.eInvoicing = eInvoicing }
        if let company = change.company { companyDetails = company }
    }
}
