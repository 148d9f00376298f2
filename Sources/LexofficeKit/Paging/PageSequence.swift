/// The pages of a paged lexoffice list as an `AsyncSequence`, fetched one at a time as they are consumed.
///
/// Iteration ends after the page lexoffice marks `last` (or an empty page). When more than 10,000 elements
/// match, iteration fails with ``LexofficeError/Code/searchWindowExceeded`` instead of silently stopping:
/// narrow the filters. Use ``elements`` to iterate over the elements instead of pages.
public struct PageSequence<Item: Codable & Hashable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page<Item>
    public typealias Failure = any Error
    let pageSize: Int
    let fetch: @Sendable (PageRequest) async throws -> Page<Item>

    init(pageSize: Int, fetch: @escaping @Sendable (PageRequest) async throws -> Page<Item>) throws {
        _ = try PageRequest(page: 0, size: pageSize)
        self.pageSize = pageSize
        self.fetch = fetch
    }

    /// The elements of all pages, in order.
    public var elements: PageElementSequence<Item> { PageElementSequence(pages: self) }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self)
    }

    /// Fetches the next page on demand.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: PageSequence
        var nextPage = 0
        var isFinished = false

        public mutating func next() async throws -> Page<Item>? {
            guard !isFinished else { return nil }
            let page: Page<Item>
            do {
                page = try await sequence.fetch(try nextRequest())
            } catch {
                isFinished = true
                throw error
            }
            nextPage += 1
            let totalPages = page.totalPages ?? Int.max
            if page.last == true || page.content.isEmpty || nextPage >= totalPages {
                isFinished = true
            }
            return page
        }

        /// The next page's request; past the 10,000-element window, an error saying that more elements match.
        private func nextRequest() throws -> PageRequest {
            guard (nextPage + 1) * sequence.pageSize <= PageRequest.searchWindow else {
                throw LexofficeError(
                    code: .searchWindowExceeded,
                    detail: "more elements match than the \(PageRequest.searchWindow) lexoffice lets a client page "
                        + "through; narrow the filters (e.g. a date range)",
                    field: "page"
                )
            }
            return try PageRequest(page: nextPage, size: sequence.pageSize)
        }
    }
}

/// The elements of a ``PageSequence``, fetched page by page.
public struct PageElementSequence<Item: Codable & Hashable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item
    public typealias Failure = any Error
    let pages: PageSequence<Item>

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator())
    }

    /// Yields the buffered elements of the current page, fetching the next page when they run out.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: PageSequence<Item>.AsyncIterator
        var buffer: [Item] = []
        var index = 0

        public mutating func next() async throws -> Item? {
            while index >= buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.content
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
