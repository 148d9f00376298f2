/// Page index and size of a paged list request, validated against lexoffice's limits.
public struct PageRequest: Sendable, Hashable {
    /// The largest page size lexoffice accepts.
    public static let maxSize = 250
    /// How many elements lexoffice lets a client page through for one query.
    public static let searchWindow = 10_000

    /// The zero-based page index.
    public var page: Int
    /// The page size, 1...250.
    public var size: Int

    /// Validates index and size.
    /// - Throws: ``LexofficeError/Code/invalidArgument`` for a negative page or a size outside 1...250, and
    ///   ``LexofficeError/Code/searchWindowExceeded`` when the page reaches past the 10,000th element.
    public init(page: Int = 0, size: Int = 25) throws {
        guard page >= 0 else {
            throw LexofficeError.invalidArgument(field: "page", detail: "page must be 0 or greater, not \(page)")
        }
        guard (1...Self.maxSize).contains(size) else {
            throw LexofficeError.invalidArgument(
                field: "size",
                detail: "page size must be between 1 and \(Self.maxSize), not \(size)"
            )
        }
        guard (page + 1) * size <= Self.searchWindow else {
            throw LexofficeError(
                code: .searchWindowExceeded,
                detail: "page \(page) of size \(size) lies beyond the first \(Self.searchWindow) elements, "
                    + "which is all lexoffice lets a client page through; narrow the filters (e.g. a date range)",
                field: "page"
            )
        }
        self.page = page
        self.size = size
    }

    var queryParameters: [QueryParameter] {
        [QueryParameter(name: "page", value: String(page)), QueryParameter(name: "size", value: String(size))]
    }
}
