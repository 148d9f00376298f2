import LexofficeKit

/// The `sort` query parameter (`property[,ASC|DESC]`) of paged lists, and the `sort` entry of the page wrapper.
struct SortParameter {
    var property: String
    var isDescending: Bool

    /// A fixed order, for lists lexoffice does not let clients re-sort.
    init(property: String, isDescending: Bool = false) {
        self.property = property
        self.isDescending = isDescending
    }

    /// Reads `sort`; 400 naming the parameter for an unknown property or direction.
    init(_ call: APICall, allowed: [String], default defaultValue: String) throws {
        let text = call.query("sort") ?? defaultValue
        let parts = text.split(separator: ",").map(String.init)
        guard let property = parts.first, allowed.contains(property), parts.count <= 2,
            parts.count == 1 || ["ASC", "DESC"].contains(parts[1].uppercased())
        else {
            throw SandboxProblem.badRequest(
                "Invalid value '\(text)' received for request parameter 'sort'.",
                parameter: "sort"
            )
        }
        self.init(property: property, isDescending: parts.count == 2 && parts[1].uppercased() == "DESC")
    }

    /// The descriptor echoed in the page wrapper.
    var pageSort: PageSort {
        PageSort(
            property: property,
            direction: isDescending ? "DESC" : "ASC",
            ignoreCase: false,
            nullHandling: "NATIVE",
            ascending: !isDescending
        )
    }

    /// Orders two keys in this direction.
    func areInOrder<Key: Comparable>(_ lhs: Key, _ rhs: Key) -> Bool {
        isDescending ? lhs > rhs : lhs < rhs
    }
}
