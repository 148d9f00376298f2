/// Filters of `GET /v1/contacts`; they combine with AND, unset ones are ignored.
///
/// `name` and `email` are case-insensitive substring matches in which `_` and `%` are wildcards (use
/// ``QueryEncoding/escapeWildcards(_:)`` to match them literally); both need at least 3 characters.
public struct ContactFilter: Sendable, Hashable {
    /// Matches any e-mail address of the contact or of its contact persons (≥ 3 characters).
    public var email: String?
    /// Matches the company or person name (≥ 3 characters).
    public var name: String?
    /// Customer or vendor number.
    public var number: Int?
    /// `true`: only contacts with the customer role; `false`: only without.
    public var customer: Bool?
    /// `true`: only contacts with the vendor role; `false`: only without.
    public var vendor: Bool?

    /// Creates a filter.
    public init(
        email: String? = nil,
        name: String? = nil,
        number: Int? = nil,
        customer: Bool? = nil,
        vendor: Bool? = nil
    ) {
        self.email = email
        self.name = name
        self.number = number
        self.customer = customer
        self.vendor = vendor
    }

    /// The query parameters, validated.
    /// - Throws: ``LexofficeError/Code/invalidArgument`` for a `name` or `email` shorter than 3 characters.
    func queryParameters() throws -> [QueryParameter] {
        var query: [QueryParameter] = []
        for (field, value) in [("email", email), ("name", name)] {
            guard let value else { continue }
            guard value.count >= 3 else {
                throw LexofficeError.invalidArgument(
                    field: field,
                    detail: "the contact filter '\(field)' needs at least 3 characters"
                )
            }
            query.append(QueryParameter(name: field, value: value, isSearchText: true))
        }
        if let number { query.append(QueryParameter(name: "number", value: String(number))) }
        if let customer { query.append(QueryParameter(name: "customer", value: String(customer))) }
        if let vendor { query.append(QueryParameter(name: "vendor", value: String(vendor))) }
        return query
    }
}
