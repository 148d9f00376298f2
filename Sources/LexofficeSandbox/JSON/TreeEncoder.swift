import Foundation

/// The `Encoder` behind ``SandboxJSON``: builds a ``JSONTree`` whose objects keep their members in the order they
/// are encoded.
struct TreeEncoder: Encoder {
    /// Where this encoder's value goes.
    let tree: JSONTree
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        tree.makeObject()
        return KeyedEncodingContainer(TreeKeyedContainer(tree: tree, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        tree.makeArray()
        return TreeUnkeyedContainer(tree: tree, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TreeSingleValueContainer(tree: tree, codingPath: codingPath)
    }

    /// The JSON of `value`, which sits at `codingPath`. Foundation's types are written as `JSONEncoder` writes
    /// them rather than by their own `encode(to:)`; a dictionary with `String` keys gets its members sorted.
    static func element(for value: some Encodable, codingPath: [any CodingKey]) throws -> JSONTree.Element {
        switch value {
        case let text as String:
            return .string(text)
        case let decimal as Decimal:
            guard !decimal.isNaN else { throw notANumber(decimal, codingPath: codingPath) }
            return .literal(decimal.description)
        case let url as URL:
            return .string(url.absoluteString)
        case let data as Data:
            return .string(data.base64EncodedString())
        case let dictionary as any StringKeyedDictionary:
            return try dictionary.sortedTree(codingPath: codingPath)
        default:
            let tree = JSONTree()
            try value.encode(to: TreeEncoder(tree: tree, codingPath: codingPath))
            return tree.asElement
        }
    }

    /// An integer as a JSON number.
    static func integer(_ value: some BinaryInteger) -> JSONTree.Element {
        .literal(String(value))
    }

    /// A floating-point number as `JSONEncoder` writes it (`1` for `1.0`); NaN and infinity are refused.
    static func number(
        _ value: some BinaryFloatingPoint & CustomStringConvertible,
        codingPath: [any CodingKey]
    ) throws -> JSONTree.Element {
        guard value.isFinite else { throw notANumber(value, codingPath: codingPath) }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .literal(text)
    }

    private static func notANumber(_ value: Any, codingPath: [any CodingKey]) -> EncodingError {
        EncodingError.invalidValue(
            value,
            EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) is not a valid JSON number.")
        )
    }
}

/// A coding key made at run time: a dictionary's key, an array's index or `super`.
struct TreeCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// A dictionary with `String` keys, which ``TreeEncoder`` writes with its members sorted by key.
protocol StringKeyedDictionary {
    /// The dictionary as a JSON object with its members sorted by key.
    func sortedTree(codingPath: [any CodingKey]) throws -> JSONTree.Element
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
    func sortedTree(codingPath: [any CodingKey]) throws -> JSONTree.Element {
        let tree = JSONTree()
        tree.makeObject()
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            let path = codingPath + [TreeCodingKey(stringValue: key)]
            tree.set(try TreeEncoder.element(for: value, codingPath: path), forKey: key)
        }
        return .tree(tree)
    }
}
