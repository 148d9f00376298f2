/// The members of a JSON text in the order they are written, which `JSONDecoder` forgets: to compare the member
/// order of the sandbox's bodies with lexoffice's documented samples.
indirect enum JSONMemberOrder {
    case object([(key: String, value: JSONMemberOrder)])
    case array([JSONMemberOrder])
    case scalar

    /// Reads a JSON text (assumed valid: the sandbox's bodies and the fixtures are).
    init(parsing text: String) {
        var reader = Reader(bytes: Array(text.utf8))
        self = reader.value()
    }

    /// Where `self` orders the members it shares with `sample` differently, one line per object:
    /// `path: actual order ≠ sample order`. Arrays are compared element by element, extra elements against the
    /// sample's last one.
    func orderDifferences(from sample: JSONMemberOrder, at path: String = "#") -> [String] {
        switch (self, sample) {
        case (.object(let members), .object(let sampleMembers)):
            let sampleKeys = sampleMembers.map(\.key)
            let shared = members.map(\.key).filter(sampleKeys.contains)
            let expected = sampleKeys.filter(shared.contains)
            var differences = shared == expected ? [] : ["\(path): \(shared) ≠ \(expected)"]
            for (key, value) in members {
                guard let sampleValue = sampleMembers.first(where: { $0.key == key })?.value else { continue }
                differences += value.orderDifferences(from: sampleValue, at: path + "/" + key)
            }
            return differences
        case (.array(let elements), .array(let sampleElements)) where !sampleElements.isEmpty:
            return elements.enumerated().flatMap { index, element in
                element.orderDifferences(
                    from: sampleElements[min(index, sampleElements.count - 1)],
                    at: "\(path)/\(index)"
                )
            }
        default:
            return []
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func value() -> JSONMemberOrder {
            skipWhitespace()
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: JSONMemberOrder)] = []
                while next() != UInt8(ascii: "}") {
                    if bytes[index] == UInt8(ascii: ",") { index += 1 }
                    skipWhitespace()
                    let key = string()
                    skipWhitespace()
                    index += 1  // ":"
                    members.append((key, value()))
                }
                index += 1
                return .object(members)
            case UInt8(ascii: "["):
                index += 1
                var elements: [JSONMemberOrder] = []
                while next() != UInt8(ascii: "]") {
                    if bytes[index] == UInt8(ascii: ",") { index += 1 }
                    elements.append(value())
                }
                index += 1
                return .array(elements)
            case UInt8(ascii: "\""):
                _ = string()
                return .scalar
            default:
                while index < bytes.count, !",]} \n\r\t".utf8.contains(bytes[index]) { index += 1 }
                return .scalar
            }
        }

        /// The next significant byte, not consumed.
        mutating func next() -> UInt8 {
            skipWhitespace()
            return bytes[index]
        }

        mutating func string() -> String {
            index += 1
            var text: [UInt8] = []
            while bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                text.append(bytes[index])
                index += 1
            }
            index += 1
            return String(decoding: text, as: UTF8.self)
        }

        mutating func skipWhitespace() {
            while index < bytes.count, " \n\r\t".utf8.contains(bytes[index]) { index += 1 }
        }
    }
}
