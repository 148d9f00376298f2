import NIOHTTP1

/// `/v1/articles`: products and services that line items can reference.
public struct ArticlesEndpoint: Sendable {
    let executor: RequestExecutor

    /// Creates an article.
    public func create(_ article: Article) async throws -> ActionResult {
        try await executor.send(.json(.POST, "articles", body: article), decoding: ActionResult.self)
    }

    /// Reads an article.
    public func get(_ id: LexofficeID) async throws -> Article {
        try await executor.send(LexofficeRequest(method: .GET, path: "articles/\(id)"), decoding: Article.self)
    }

    /// Replaces an article; `article.version` must be the version last read (409 otherwise).
    public func update(_ article: Article, id: LexofficeID) async throws -> ActionResult {
        try await executor.send(.json(.PUT, "articles/\(id)", body: article), decoding: ActionResult.self)
    }

    /// Deletes an article (204; 404 if unknown).
    public func delete(_ id: LexofficeID) async throws {
        _ = try await executor.send(LexofficeRequest(method: .DELETE, path: "articles/\(id)"))
    }

    /// One page of articles matching `filter`.
    public func page(_ filter: ArticleFilter = ArticleFilter(), page: PageRequest) async throws -> Page<Article> {
        try await executor.page("articles", query: filter.queryParameters, request: page)
    }

    /// All pages of articles matching `filter`.
    public func pages(
        _ filter: ArticleFilter = ArticleFilter(),
        pageSize: Int = PageRequest.maxSize
    ) throws
        -> PageSequence<Article>
    {
        try executor.pages("articles", query: filter.queryParameters, pageSize: pageSize)
    }
}

/// Filters of `GET /v1/articles`.
public struct ArticleFilter: Sendable, Hashable {
    /// Exact article number.
    public var articleNumber: String?
    /// GTIN.
    public var gtin: String?
    /// `PRODUCT` or `SERVICE`.
    public var type: ArticleType?

    /// Creates a filter.
    public init(articleNumber: String? = nil, gtin: String? = nil, type: ArticleType? = nil) {
        self.articleNumber = articleNumber
        self.gtin = gtin
        self.type = type
    }

    var queryParameters: [QueryParameter] {
        [("articleNumber", articleNumber), ("gtin", gtin), ("type", type?.rawValue)].compactMap { name, value in
            value.map { QueryParameter(name: name, value: $0) }
        }
    }
}
