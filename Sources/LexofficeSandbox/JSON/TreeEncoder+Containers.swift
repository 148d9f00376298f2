/// The keyed container of ``TreeEncoder``: members are kept in the order they are encoded.
struct TreeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let tree: JSONTree
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { tree.set(.literal("null"), forKey: key.stringValue) }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        tree.set(.literal(value ? "true" : "false"), forKey: key.stringValue)
    }
    mutating func encode(_ value: String, forKey key: Key) throws { tree.set(.string(value), forKey: key.stringValue) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        tree.set(try TreeEncoder.number(value, codingPath: codingPath + [key]), forKey: key.stringValue)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        tree.set(try TreeEncoder.number(value, codingPath: codingPath + [key]), forKey: key.stringValue)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { write(value, key) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        tree.set(try TreeEncoder.element(for: value, codingPath: codingPath + [key]), forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder(forKey: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nestedEncoder(forKey: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { nestedEncoder(forKey: TreeCodingKey(stringValue: "super")) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { nestedEncoder(forKey: key) }

    private func write(_ value: some BinaryInteger, _ key: Key) {
        tree.set(TreeEncoder.integer(value), forKey: key.stringValue)
    }

    private func nestedEncoder(forKey key: some CodingKey) -> TreeEncoder {
        let nested = JSONTree()
        tree.set(.tree(nested), forKey: key.stringValue)
        return TreeEncoder(tree: nested, codingPath: codingPath + [key])
    }
}

/// The unkeyed container of ``TreeEncoder``: a JSON array.
struct TreeUnkeyedContainer: UnkeyedEncodingContainer {
    let tree: JSONTree
    let codingPath: [any CodingKey]

    var count: Int { tree.count }

    mutating func encodeNil() throws { tree.append(.literal("null")) }
    mutating func encode(_ value: Bool) throws { tree.append(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { tree.append(.string(value)) }
    mutating func encode(_ value: Double) throws { tree.append(try TreeEncoder.number(value, codingPath: nextPath)) }
    mutating func encode(_ value: Float) throws { tree.append(try TreeEncoder.number(value, codingPath: nextPath)) }
    mutating func encode(_ value: Int) throws { tree.append(TreeEncoder.integer(value)) }
    mutating func encode(_ value: Int8) throws { tree.append(TreeEncoder.integer(value)) }
    mutating func encode(_ value: Int16) throws { tree.append(TreeEncoder.integer(value)) }
    mutating func encode(_ value: Int32) throws { tree.append(TreeEncoder.integer(value)) }
    mutating func encode(_ value: Int64) throws { tree.append(TreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt) throws { tree.append(TreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) throws { tree.append(TreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) throws { tree.append(TreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) throws { tree.append(TreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) throws { tree.append(TreeEncoder.integer(value)) }

    mutating func encode(_ value: some Encodable) throws {
        tree.append(try TreeEncoder.element(for: value, codingPath: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nestedEncoder().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { nestedEncoder() }

    private var nextPath: [any CodingKey] { codingPath + [TreeCodingKey(intValue: tree.count)] }

    private func nestedEncoder() -> TreeEncoder {
        let nested = JSONTree()
        let path = nextPath
        tree.append(.tree(nested))
        return TreeEncoder(tree: nested, codingPath: path)
    }
}

/// The single-value container of ``TreeEncoder``.
struct TreeSingleValueContainer: SingleValueEncodingContainer {
    let tree: JSONTree
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { tree.set(.literal("null")) }
    mutating func encode(_ value: Bool) throws { tree.set(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { tree.set(.string(value)) }
    mutating func encode(_ value: Double) throws { tree.set(try TreeEncoder.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { tree.set(try TreeEncoder.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { tree.set(TreeEncoder.integer(value)) }
    mutating func encode(_ value: Int8) throws { tree.set(TreeEncoder.integer(value)) }
    mutating func encode(_ value: Int16) throws { tree.set(TreeEncoder.integer(value)) }
    mutating func encode(_ value: Int32) throws { tree.set(TreeEncoder.integer(value)) }
    mutating func encode(_ value: Int64) throws { tree.set(TreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt) throws { tree.set(TreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) throws { tree.set(TreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) throws { tree.set(TreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) throws { tree.set(TreeEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) throws { tree.set(TreeEncoder.integer(value)) }

    mutating func encode(_ value: some Encodable) throws {
        tree.set(try TreeEncoder.element(for: value, codingPath: codingPath))
    }
}
