import NIOHTTP1

extension RequestExecutor {
    /// Fetches one page of a paged list.
    func page<Element: Codable & Hashable & Sendable>(
        _ path: String,
        query: [QueryParameter],
        request page: PageRequest,
        of type: Element.Type = Element.self
    ) async throws -> Page<Element> {
        let request = LexofficeRequest(method: .GET, path: path, query: query + page.queryParameters)
        return try await send(request, decoding: Page<Element>.self)
    }

    /// All pages of a paged list as a lazily fetched sequence.
    func pages<Element: Codable & Hashable & Sendable>(
        _ path: String,
        query: [QueryParameter],
        pageSize: Int,
        of type: Element.Type = Element.self
    ) throws -> PageSequence<Element> {
        try PageSequence(pageSize: pageSize) { [self] pageRequest in
            try await self.page(path, query: query, request: pageRequest)
        }
    }
}
