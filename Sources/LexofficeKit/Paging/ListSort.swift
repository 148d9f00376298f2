/// A sort order for a list endpoint: a property and a direction, sent as `property,ASC` or `property,DESC`.
public struct ListSort<Property: LexofficeEnum>: Sendable, Hashable {
    /// The property to sort by.
    public var property: Property
    /// Whether to sort descending.
    public var isDescending: Bool

    /// Ascending order by `property`.
    public static func ascending(_ property: Property) -> ListSort { ListSort(property: property, isDescending: false) }
    /// Descending order by `property`.
    public static func descending(_ property: Property) -> ListSort { ListSort(property: property, isDescending: true) }

    var queryParameter: QueryParameter {
        QueryParameter(name: "sort", value: property.rawValue + (isDescending ? ",DESC" : ",ASC"))
    }
}
