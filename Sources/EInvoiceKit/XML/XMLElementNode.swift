/// An element of a parsed XML document, identified by namespace URI and local name (never by prefix).
struct XMLElementNode: Sendable {
    /// The namespace URI; empty for an element in no namespace.
    var namespace: String
    /// The local name, without prefix.
    var name: String
    /// The attributes by local name (the invoice syntaxes use unqualified attributes only).
    var attributes: [String: String]
    var children: [XMLElementNode]
    /// The element's own character data, whitespace-trimmed.
    var text: String

    /// The first child element with this namespace and local name.
    func child(_ namespace: String, _ name: String) -> XMLElementNode? {
        children.first { $0.name == name && $0.namespace == namespace }
    }

    /// All child elements with this namespace and local name, in document order.
    func children(_ namespace: String, _ name: String) -> [XMLElementNode] {
        children.filter { $0.name == name && $0.namespace == namespace }
    }

    /// The element at the end of a path of child steps in one namespace, or `nil`.
    func path(_ namespace: String, _ names: String...) -> XMLElementNode? {
        path(namespace, names)
    }

    func path(_ namespace: String, _ names: [String]) -> XMLElementNode? {
        var node = self
        for name in names {
            guard let next = node.child(namespace, name) else { return nil }
            node = next
        }
        return node
    }

    /// The text of this element, or `nil` if it is empty.
    var nonEmptyText: String? { text.isEmpty ? nil : text }
}
