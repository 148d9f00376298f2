import HTTPTypes
import Hummingbird
import LexofficeKit

/// Profile, ping and the read-only reference lists every organization has.
struct ReferenceDataRoutes {
    func register<Context: RequestContext>(on routes: SandboxRouteTable<Context>) {
        routes.add(.get, "v1/ping", shape: .regular) { call, _ in
            let email = try call.state.read(call.organizationID) { $0.profile.created?.userEmail ?? "" }
            return try SandboxResponses.json(Ping(userEmail: email))
        }
        routes.add(.get, "v1/profile", shape: .regular) { call, _ in
            var profile = try call.state.read(call.organizationID) { $0.profile }
            // Each OAuth connection and each additional API key has its own id.
            profile.connectionId = call.credentialConnectionID ?? profile.connectionId
            return try SandboxResponses.json(profile)
        }
        routes.add(.get, "v1/countries", shape: .regular) { _, _ in try SandboxResponses.json(SeedData.countries) }
        routes.add(.get, "v1/payment-conditions", shape: .regular) { _, _ in
            try SandboxResponses.json(SeedData.paymentConditions)
        }
        routes.add(.get, "v1/posting-categories", shape: .regular) { _, _ in
            try SandboxResponses.json(SeedData.postingCategories)
        }
        routes.add(.get, "v1/print-layouts", shape: .regular) { _, _ in try SandboxResponses.json(SeedData.printLayouts)
        }
    }
}
