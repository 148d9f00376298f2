/// Filters of `GET /v1/voucherlist`. Voucher types and statuses are required (a list, or any).
public struct VoucherListFilter: Sendable, Hashable {
    /// A required multi-value filter: some values, or any (`any`, since 16.08.2022).
    public enum Selection<Value: LexofficeEnum>: Sendable, Hashable {
        /// Every value, including ones lexoffice adds later.
        case any
        /// Only these values.
        case only([Value])

        func queryValue(field: String) throws -> String {
            switch self {
            case .any:
                return "any"
            case .only(let values):
                guard !values.isEmpty else {
                    throw LexofficeError.invalidArgument(
                        field: field,
                        detail: "\(field) needs at least one value or .any"
                    )
                }
                return values.map(\.rawValue).joined(separator: ",")
            }
        }
    }

    /// The voucher types to list.
    public var voucherTypes: Selection<VoucherType>
    /// The statuses to list; `overdue` cannot be combined with other statuses.
    public var voucherStatuses: Selection<VoucherStatus>
    /// `true`/`false` for archived or not; `nil` for both.
    public var archived: Bool?
    /// Only vouchers of this contact.
    public var contactID: LexofficeID?
    /// First voucher date (inclusive; a whole day in German time).
    public var voucherDateFrom: PlainDate?
    /// Last voucher date (inclusive).
    public var voucherDateTo: PlainDate?
    /// First creation date (inclusive).
    public var createdDateFrom: PlainDate?
    /// Last creation date (inclusive).
    public var createdDateTo: PlainDate?
    /// First last-change date (inclusive).
    public var updatedDateFrom: PlainDate?
    /// Last last-change date (inclusive).
    public var updatedDateTo: PlainDate?
    /// The voucher number.
    public var voucherNumber: String?

    /// Creates a filter.
    public init(
        voucherTypes: Selection<VoucherType>,
        voucherStatuses: Selection<VoucherStatus>,
        archived: Bool? = nil,
        contactID: LexofficeID? = nil,
        voucherDateFrom: PlainDate? = nil,
        voucherDateTo: PlainDate? = nil,
        createdDateFrom: PlainDate? = nil,
        createdDateTo: PlainDate? = nil,
        updatedDateFrom: PlainDate? = nil,
        updatedDateTo: PlainDate? = nil,
        voucherNumber: String? = nil
    ) {
        self.voucherTypes = voucherTypes
        self.voucherStatuses = voucherStatuses
        self.archived = archived
        self.contactID = contactID
        self.voucherDateFrom = voucherDateFrom
        self.voucherDateTo = voucherDateTo
        self.createdDateFrom = createdDateFrom
        self.createdDateTo = createdDateTo
        self.updatedDateFrom = updatedDateFrom
        self.updatedDateTo = updatedDateTo
        self.voucherNumber = voucherNumber
    }

    /// The query parameters, validated.
    /// - Throws: ``LexofficeError/Code/invalidArgument`` for an empty type/status list, `overdue` combined
    ///   with other statuses, an empty voucher number or a range that ends before it starts.
    func queryParameters() throws -> [QueryParameter] {
        if case .only(let statuses) = voucherStatuses, statuses.contains(.overdue), statuses.count > 1 {
            throw LexofficeError.invalidArgument(
                field: "voucherStatus",
                detail: "lexoffice does not allow 'overdue' combined with other statuses"
            )
        }
        var query = [
            QueryParameter(name: "voucherType", value: try voucherTypes.queryValue(field: "voucherType")),
            QueryParameter(name: "voucherStatus", value: try voucherStatuses.queryValue(field: "voucherStatus")),
        ]
        if let archived { query.append(QueryParameter(name: "archived", value: String(archived))) }
        if let contactID { query.append(QueryParameter(name: "contactId", value: contactID.rawValue)) }
        let ranges = [
            ("voucherDate", voucherDateFrom, voucherDateTo), ("createdDate", createdDateFrom, createdDateTo),
            ("updatedDate", updatedDateFrom, updatedDateTo),
        ]
        for (name, from, to) in ranges {
            if let from, let to, to < from {
                throw LexofficeError.invalidArgument(field: name + "To", detail: "\(name)To lies before \(name)From")
            }
            if let from { query.append(QueryParameter(name: name + "From", value: from.description)) }
            if let to { query.append(QueryParameter(name: name + "To", value: to.description)) }
        }
        if let voucherNumber {
            guard !voucherNumber.isEmpty else {
                throw LexofficeError.invalidArgument(
                    field: "voucherNumber",
                    detail: "the voucher number filter is empty"
                )
            }
            query.append(QueryParameter(name: "voucherNumber", value: voucherNumber, isSearchText: true))
        }
        return query
    }
}

/// Sortable properties of the voucherlist.
public struct VoucherListSortProperty: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The voucher date.
    public static let voucherDate: VoucherListSortProperty = "voucherDate"
    /// The voucher number.
    public static let voucherNumber: VoucherListSortProperty = "voucherNumber"
    /// The creation date.
    public static let createdDate: VoucherListSortProperty = "createdDate"
    /// The last change.
    public static let updatedDate: VoucherListSortProperty = "updatedDate"

    public static let documentedValues: [VoucherListSortProperty] = [
        .voucherDate, .voucherNumber, .createdDate, .updatedDate,
    ]
}
