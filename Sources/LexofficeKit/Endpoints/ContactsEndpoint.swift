import NIOHTTP1

/// `/v1/contacts`: create, read, update and search customers and vendors. Contacts cannot be deleted.
public struct ContactsEndpoint: Sendable {
    let executor: RequestExecutor

    /// Creates a contact (`version` 0, roles as empty objects); lexoffice assigns the customer/vendor numbers.
    /// - Throws: ``LexofficeError/Code/validationFailed`` (406, `IssueList` naming the field);
    ///   ``LexofficeError/Code/outcomeUnknown`` after a 504 or lost connection — search by name/e-mail before
    ///   creating the contact again.
    public func create(_ contact: Contact) async throws -> ActionResult {
        try await executor.send(.json(.POST, "contacts", body: contact), decoding: ActionResult.self)
    }

    /// Reads a contact.
    public func get(_ id: LexofficeID) async throws -> Contact {
        try await executor.send(LexofficeRequest(method: .GET, path: "contacts/\(id)"), decoding: Contact.self)
    }

    /// Replaces a contact; `contact.version` must be the version last read.
    /// - Throws: ``LexofficeError/Code/versionConflict`` when it changed meanwhile (409, or 406 on `version`).
    public func update(_ contact: Contact, id: LexofficeID) async throws -> ActionResult {
        try await executor.send(.json(.PUT, "contacts/\(id)", body: contact), decoding: ActionResult.self)
    }

    /// One page of contacts matching `filter` (lexoffice sorts them itself).
    /// - Throws: ``LexofficeError/Code/invalidArgument`` before sending for a bad filter or page.
    public func page(_ filter: ContactFilter = ContactFilter(), page: PageRequest) async throws -> Page<Contact> {
        try await executor.page("contacts", query: filter.queryParameters(), request: page)
    }

    /// All pages of contacts matching `filter`, fetched as they are consumed.
    /// - Throws: ``LexofficeError/Code/invalidArgument`` before sending for a bad filter or page size.
    public func pages(
        _ filter: ContactFilter = ContactFilter(),
        pageSize: Int = PageRequest.maxSize
    ) throws
        -> PageSequence<Contact>
    {
        try executor.pages("contacts", query: filter.queryParameters(), pageSize: pageSize)
    }
}
