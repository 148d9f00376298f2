/// A JSON object or array under construction by ``TreeEncoder``, whose members keep the order in which they were
/// encoded; or a single value encoded through a single-value container.
final class JSONTree {
    /// One member of an object or array, or the value of a single-value tree.
    enum Element {
        /// A string, escaped when written.
        case string(String)
        /// A number, `true`, `false` or `null`, already in its JSON form.
        case literal(String)
        /// An object, an array, or a value not encoded yet.
        case tree(JSONTree)

        /// Writes the element as compact JSON.
        func write(to bytes: inout [UInt8]) {
            switch self {
            case .string(let text): JSONString.write(text, to: &bytes)
            case .literal(let text): bytes.append(contentsOf: text.utf8)
            case .tree(let tree): tree.write(to: &bytes)
            }
        }
    }

    private enum Shape {
        case unset
        case value(Element)
        case object
        case array
    }

    private var shape = Shape.unset
    private var keys: [String] = []
    private var members: [Element] = []

    /// The number of members of an array or object.
    var count: Int { members.count }

    /// The tree as an element of its parent: its value when it holds a single value.
    var asElement: Element {
        if case .value(let element) = shape { element } else { .tree(self) }
    }

    /// Makes this tree a single value (encoding a value twice keeps the last).
    func set(_ element: Element) {
        shape = .value(element)
    }

    /// Makes this tree an object, keeping its members when it is one already.
    func makeObject() {
        if case .object = shape { return }
        shape = .object
        keys = []
        members = []
    }

    /// Makes this tree an array, keeping its elements when it is one already.
    func makeArray() {
        if case .array = shape { return }
        shape = .array
        keys = []
        members = []
    }

    /// Adds the member `key` of an object; a key encoded again keeps its place and takes the new value.
    func set(_ element: Element, forKey key: String) {
        if let index = keys.firstIndex(of: key) {
            members[index] = element
        } else {
            keys.append(key)
            members.append(element)
        }
    }

    /// Appends an element of an array.
    func append(_ element: Element) {
        members.append(element)
    }

    /// Writes the tree as compact JSON; a value that encoded nothing is an empty object, as with `JSONEncoder`.
    func write(to bytes: inout [UInt8]) {
        switch shape {
        case .unset:
            bytes.append(contentsOf: "{}".utf8)
        case .value(let element):
            element.write(to: &bytes)
        case .object:
            bytes.append(UInt8(ascii: "{"))
            for index in members.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONString.write(keys[index], to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                members[index].write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .array:
            bytes.append(UInt8(ascii: "["))
            for index in members.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                members[index].write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }
}
