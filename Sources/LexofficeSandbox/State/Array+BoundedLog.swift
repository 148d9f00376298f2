extension Array {
    /// Appends `element` to a log that keeps its last `limit` entries: once it holds a fifth more, the oldest are
    /// dropped in one go, so that a full log does not shift all its entries on every append.
    mutating func append(_ element: Element, keepingLast limit: Int) {
        append(element)
        if count > limit + limit / 5 { removeFirst(count - limit) }
    }
}
