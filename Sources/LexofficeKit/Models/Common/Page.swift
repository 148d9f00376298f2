/// One page of a paged lexoffice list (Spring-style wrapper).
///
/// Paged endpoints: articles, contacts, recurring templates, voucherlist and the bookkeeping voucher filter.
/// `totalElements` is capped at 10,000 by lexoffice.
public struct Page<Element: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    /// The elements of this page.
    public var content: [Element]
    /// Whether this is the first page.
    public var first: Bool?
    /// Whether this is the last page.
    public var last: Bool?
    /// The number of pages.
    public var totalPages: Int?
    /// The number of matching elements (at most 10,000).
    public var totalElements: Int?
    /// The number of elements on this page.
    public var numberOfElements: Int?
    /// The page size used.
    public var size: Int?
    /// The zero-based page index.
    public var number: Int?
    /// The sort order applied (absent in some responses).
    public var sort: [PageSort]?

    /// Creates a page (simulators and tests).
    public init(
        content: [Element],
        first: Bool?,
        last: Bool?,
        totalPages: Int?,
        totalElements: Int?,
        numberOfElements: Int?,
        size: Int?,
        number: Int?,
        sort: [PageSort]?
    ) {
        self.content = content
        self.first = first
        self.last = last
        self.totalPages = totalPages
        self.totalElements = totalElements
        self.numberOfElements = numberOfElements
        self.size = size
        self.number = number
        self.sort = sort
    }
}

/// One sort descriptor of a page.
public struct PageSort: Codable, Hashable, Sendable {
    /// The sorted property, e.g. `voucherDate`.
    public var property: String?
    /// `ASC` or `DESC`.
    public var direction: String?
    /// Whether case is ignored.
    public var ignoreCase: Bool?
    /// Null ordering, e.g. `NATIVE`.
    public var nullHandling: String?
    /// Whether the direction is ascending.
    public var ascending: Bool?

    /// Creates a sort descriptor.
    public init(property: String?, direction: String?, ignoreCase: Bool?, nullHandling: String?, ascending: Bool?) {
        self.property = property
        self.direction = direction
        self.ignoreCase = ignoreCase
        self.nullHandling = nullHandling
        self.ascending = ascending
    }
}
