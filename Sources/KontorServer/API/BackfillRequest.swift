import LexofficeKit

/// The body of `POST /api/v1/tenants/{t}/archive/backfill`: the range of document dates.
struct BackfillRequest: Decodable {
    var from: String?
    var to: String?

    /// The range, or the invalid members.
    func validated() throws(HubProblem) -> (PlainDate, PlainDate) {
        var errors: [HubProblem.FieldError] = []
        let first = from.flatMap { try? PlainDate($0) }
        let last = to.flatMap { try? PlainDate($0) }
        if first == nil { errors.append(.init(pointer: "#/from", detail: "must be a date YYYY-MM-DD")) }
        if last == nil { errors.append(.init(pointer: "#/to", detail: "must be a date YYYY-MM-DD")) }
        if let first, let last, last < first {
            errors.append(.init(pointer: "#/to", detail: "must not be before from"))
        }
        guard errors.isEmpty, let first, let last else { throw .validation(errors) }
        return (first, last)
    }
}
