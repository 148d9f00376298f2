import LexofficeKit

/// Reads a paged lexoffice list up to a limit, reporting progress on standard error when it takes several pages.
struct PagedListing {
    /// The most elements to read; all (up to lexoffice's 10,000) when `nil`.
    let limit: Int?
    /// What is listed, for the progress lines (`contacts`).
    let noun: String

    /// The page size to request: a full page, or less when the limit is smaller.
    var pageSize: Int { min(limit ?? PageRequest.maxSize, PageRequest.maxSize) }

    /// Reads the elements of `pages` until the last page or the limit.
    func collect<Item: Codable & Hashable & Sendable>(_ pages: PageSequence<Item>) async throws -> [Item] {
        let console = Console.current
        var items: [Item] = []
        for try await page in pages {
            items.append(contentsOf: page.content)
            if let limit, items.count >= limit { return Array(items.prefix(limit)) }
            if let totalPages = page.totalPages, totalPages > 1, page.last != true {
                let total = page.totalElements.map { " of \($0)" } ?? ""
                console.note("read \(items.count)\(total) \(noun)…")
            }
        }
        return items
    }
}
