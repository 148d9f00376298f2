/// What lexoffice returns for a successful create or update: a reference to the resource, not the resource.
public struct ActionResult: Codable, Hashable, Sendable {
    /// The resource's id.
    public var id: LexofficeID
    /// The resource's URL, e.g. `https://api.lexware.io/v1/invoices/{id}` (also sent as `Location` on create).
    public var resourceUri: String?
    /// When the resource was created.
    public var createdDate: LexofficeDateTime?
    /// When the resource was last changed.
    public var updatedDate: LexofficeDateTime?
    /// The resource's version after this action (send it with the next update).
    public var version: Int?

    /// Creates a result value (simulators and tests).
    public init(
        id: LexofficeID,
        resourceUri: String?,
        createdDate: LexofficeDateTime?,
        updatedDate: LexofficeDateTime?,
        version: Int?
    ) {
        self.id = id
        self.resourceUri = resourceUri
        self.createdDate = createdDate
        self.updatedDate = updatedDate
        self.version = version
    }
}
