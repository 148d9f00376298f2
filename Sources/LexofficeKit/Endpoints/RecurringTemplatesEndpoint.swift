import NIOHTTP1

/// `/v1/recurring-templates` (read-only): invoice templates lexoffice runs on a schedule.
public struct RecurringTemplatesEndpoint: Sendable {
    let executor: RequestExecutor

    /// Reads a full template.
    public func get(_ id: LexofficeID) async throws -> RecurringTemplate {
        try await executor.send(
            LexofficeRequest(method: .GET, path: "recurring-templates/\(id)"),
            decoding: RecurringTemplate.self
        )
    }

    /// One page of template summaries (lexoffice's default order: `updatedDate,DESC`).
    public func page(
        sort: ListSort<RecurringTemplateSortProperty>? = nil,
        page: PageRequest
    ) async throws -> Page<RecurringTemplateSummary> {
        try await executor.page("recurring-templates", query: sort.map { [$0.queryParameter] } ?? [], request: page)
    }

    /// All pages of template summaries.
    public func pages(
        sort: ListSort<RecurringTemplateSortProperty>? = nil,
        pageSize: Int = PageRequest.maxSize
    ) throws -> PageSequence<RecurringTemplateSummary> {
        try executor.pages("recurring-templates", query: sort.map { [$0.queryParameter] } ?? [], pageSize: pageSize)
    }
}

/// Sortable properties of recurring templates.
public struct RecurringTemplateSortProperty: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The creation date.
    public static let createdDate: RecurringTemplateSortProperty = "createdDate"
    /// The last change (lexoffice's default, descending).
    public static let updatedDate: RecurringTemplateSortProperty = "updatedDate"
    /// The last run.
    public static let lastExecutionDate: RecurringTemplateSortProperty = "lastExecutionDate"
    /// The next run (`ASC` with page size 1 finds the next template to run).
    public static let nextExecutionDate: RecurringTemplateSortProperty = "nextExecutionDate"

    public static let documentedValues: [RecurringTemplateSortProperty] = [
        .createdDate, .updatedDate, .lastExecutionDate, .nextExecutionDate,
    ]
}
