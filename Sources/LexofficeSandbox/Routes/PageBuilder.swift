import LexofficeKit

/// Cuts a sorted list into lexoffice's page wrapper (`totalElements` capped at 10,000).
enum PageBuilder {
    static func page<Element>(of elements: [Element], page: Int, size: Int, sort: [PageSort]?) -> Page<Element> {
        let start = min(elements.count, page * size)
        let content = Array(elements[start..<min(elements.count, start + size)])
        let total = min(elements.count, 10_000)
        let totalPages = (total + size - 1) / size
        return Page(
            content: content,
            first: page == 0,
            last: page >= totalPages - 1,
            totalPages: totalPages,
            totalElements: total,
            numberOfElements: content.count,
            size: size,
            number: page,
            sort: sort
        )
    }
}
