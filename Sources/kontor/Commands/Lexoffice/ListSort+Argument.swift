import LexofficeKit

extension ListSort {
    /// Parses `--sort PROPERTY` or `--sort PROPERTY,asc|desc` (ascending by default).
    /// - Throws: ``CommandFailure`` (usage) for an undocumented property or direction.
    init(argument text: String) throws {
        let parts = text.split(separator: ",").map(String.init)
        let property = Property(rawValue: parts.first ?? "")
        guard property.isDocumented, parts.count <= 2 else {
            let properties = Property.documentedValues.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure("--sort takes PROPERTY or PROPERTY,asc|desc with one of \(properties)", status: .usage)
        }
        switch parts.count == 2 ? parts[1].lowercased() : "asc" {
        case "asc": self = .ascending(property)
        case "desc": self = .descending(property)
        default: throw CommandFailure("--sort direction must be asc or desc", status: .usage)
        }
    }
}
