import HTTPTypes
import HashTreeCollections
import Hummingbird
import LexofficeKit

/// `/v1/contacts`: create, read, update and search contacts, answering errors in the legacy shape.
struct ContactRoutes {
    let api: SandboxAPI
    /// The bodies of contacts read by id, reused while a contact is unchanged.
    private let encodedContacts = EncodedBodyCache<Contact>(capacity: 4096)

    init(api: SandboxAPI) {
        self.api = api
    }

    func register<Context: RequestContext>(on routes: SandboxRouteTable<Context>) {
        routes.add(.post, "v1/contacts", shape: .legacy) { call, _ in try await create(call) }
        routes.add(.get, "v1/contacts", shape: .legacy) { call, _ in try list(call) }
        routes.add(.get, "v1/contacts/:id", shape: .legacy) { call, context in
            let id = try call.pathID(context, what: "Contact")
            guard call.state.isVisible(id) else { throw SandboxProblem.notFound("Contact") }
            let contact = try call.state.read(call.organizationID) { organization in
                try organization.contacts[id].orThrow(.notFound("Contact"))
            }
            return SandboxResponses.bytes(
                try encodedContacts.body(of: contact, id: id),
                contentType: "application/json"
            )
        }
        routes.add(.put, "v1/contacts/:id", shape: .legacy) { call, context in
            try await update(call, id: try call.pathID(context, what: "Contact"))
        }
    }

    private func create(_ call: APICall) async throws -> Response {
        let body = try await call.jsonBody()
        let failures = try validation(call).failures(in: body, isCreate: true)
        guard failures.isEmpty else { throw SandboxProblem.validation(failures) }
        var contact = try call.decode(Contact.self, from: Self.withoutReadOnlyFields(body))
        let now = call.now
        let id = LexofficeID.random()
        // Hidden before it exists, so that no read between the two sees it.
        if let delay = call.replicationDelay { call.state.hide(id, for: delay) }
        try call.state.write(call.organizationID) { organization in
            contact.id = id
            contact.organizationId = organization.id
            contact.version = 0
            contact.archived = false
            Self.assignNumbers(to: &contact, in: &organization)
            organization.contacts[id] = contact
            organization.recordCreation(ofContact: id, at: now)
            organization.emit(.contactCreated, id, at: now)
        }
        let result = ActionResult(
            id: id,
            resourceUri: api.resourceURI("contacts", id),
            createdDate: now,
            updatedDate: now,
            version: 0
        )
        return try SandboxResponses.actionResult(result, created: true)
    }

    private func update(_ call: APICall, id: LexofficeID) async throws -> Response {
        let body = try await call.jsonBody()
        let failures = try validation(call).failures(in: body, isCreate: false)
        guard failures.isEmpty else { throw SandboxProblem.validation(failures) }
        var contact = try call.decode(Contact.self, from: Self.withoutReadOnlyFields(body))
        let now = call.now
        let result = try call.state.write(call.organizationID) { organization -> ActionResult in
            let stored = try organization.contacts[id].orThrow(.notFound("Contact"))
            guard !Self.hasSeveralEntries(stored) else {
                throw SandboxProblem.validation([.invalid("addresses", "Kontakt mit mehreren Einträgen pro Liste")])
            }
            guard contact.version == stored.version else { throw versionConflict() }
            contact.id = id
            contact.organizationId = organization.id
            contact.version = stored.version + 1
            contact.archived = stored.archived
            contact.roles.customer?.number = stored.roles.customer?.number
            contact.roles.vendor?.number = stored.roles.vendor?.number
            Self.assignNumbers(to: &contact, in: &organization)
            organization.contacts[id] = contact
            organization.emit(.contactChanged, id, at: now)
            return ActionResult(
                id: id,
                resourceUri: api.resourceURI("contacts", id),
                createdDate: organization.createdDate(ofContact: id) ?? now,
                updatedDate: now,
                version: contact.version
            )
        }
        return try SandboxResponses.actionResult(result, created: false)
    }

    private func list(_ call: APICall) throws -> Response {
        let paging = try call.paging()
        let filter = try ContactQuery(call)
        let matches = call.state.visible(
            try call.state.read(call.organizationID) { organization in
                organization.contacts.values.filter(filter.matches).sorted { Self.name(of: $0) < Self.name(of: $1) }
            },
            id: \.id
        )
        let sort = SortParameter(property: "name").pageSort
        return try SandboxResponses.json(
            PageBuilder.page(of: matches, page: paging.page, size: paging.size, sort: [sort])
        )
    }

    private func validation(_ call: APICall) throws -> ContactValidation {
        ContactValidation(countryCodes: Set(SeedData.countries.map(\.countryCode)))
    }

    private func versionConflict() -> SandboxProblem {
        guard api.configuration.contactVersionConflictAs406 else {
            return .conflict("The contact was changed meanwhile (version mismatch).")
        }
        return .validation([.invalid("version", "veraltete Version")])
    }

    /// The contact's display name: company name, or "firstName lastName".
    static func name(of contact: Contact) -> String {
        if let company = contact.company { return company.name }
        return [contact.person?.firstName, contact.person?.lastName].compactMap { $0 }.joined(separator: " ")
    }

    /// Gives new roles the next number of their sequence.
    private static func assignNumbers(to contact: inout Contact, in organization: inout Organization) {
        if contact.roles.customer != nil, contact.roles.customer?.number == nil {
            contact.roles.customer?.number = organization.nextCustomerNumber
            organization.nextCustomerNumber += 1
        }
        if contact.roles.vendor != nil, contact.roles.vendor?.number == nil {
            contact.roles.vendor?.number = organization.nextVendorNumber
            organization.nextVendorNumber += 1
        }
    }

    /// Whether a stored contact (seeded like the web app can) has a list with more than one entry.
    private static func hasSeveralEntries(_ contact: Contact) -> Bool {
        let lists: [[Any]?] = [
            contact.addresses?.billing, contact.addresses?.shipping, contact.company?.contactPersons,
            contact.emailAddresses?.business, contact.emailAddresses?.office, contact.emailAddresses?.private,
            contact.emailAddresses?.other, contact.phoneNumbers?.business, contact.phoneNumbers?.office,
            contact.phoneNumbers?.mobile, contact.phoneNumbers?.private, contact.phoneNumbers?.fax,
            contact.phoneNumbers?.other,
        ]
        return lists.contains { ($0?.count ?? 0) > 1 }
    }

    /// Drops read-only fields (they are ignored, not rejected), including role numbers sent as `""`.
    private static func withoutReadOnlyFields(_ body: JSONValue) -> JSONValue {
        guard case .object(var members) = body else { return body }
        for key in ["id", "organizationId", "archived"] { members[key] = nil }
        if case .object(var roles)? = members["roles"] {
            for role in ["customer", "vendor"] where roles[role] != nil && roles[role] != .null {
                roles[role] = .object([:])
            }
            members["roles"] = .object(roles)
        }
        return .object(members)
    }
}

extension Optional {
    /// The value, or `problem` thrown.
    func orThrow(_ problem: SandboxProblem) throws -> Wrapped {
        guard let value = self else { throw problem }
        return value
    }
}
