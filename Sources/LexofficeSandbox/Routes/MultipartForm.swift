import Foundation

/// A parsed `multipart/form-data` body (RFC 7578): its parts in the order they were sent.
///
/// Small on purpose: it reads `Content-Disposition` (`name`, `filename`) and `Content-Type` of each part and
/// keeps the content as bytes; nested multiparts and `filename*` are not supported.
struct MultipartForm: Sendable {
    /// One part of the form.
    struct Part: Sendable {
        /// The form field name (`name="…"`).
        var name: String
        /// The file name (`filename="…"`), present for file parts.
        var fileName: String?
        /// The part's `Content-Type`, if sent.
        var contentType: String?
        /// The part's content.
        var data: Data
    }

    /// The body does not follow the multipart syntax.
    struct Malformed: Error {}

    private(set) var parts: [Part] = []

    /// The boundary of a `multipart/form-data` `Content-Type`; `nil` for any other media type or no boundary.
    static func boundary(fromContentType contentType: String?) -> String? {
        guard let contentType else { return nil }
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let boundary = Self.unquoted(pair[1])
            return boundary.isEmpty ? nil : boundary
        }
        return nil
    }

    /// Splits `body` at `boundary`.
    /// - Throws: ``Malformed`` when the first delimiter, a part's header block or the closing delimiter is missing.
    init(body: Data, boundary: String) throws(Malformed) {
        let delimiter = Data("--\(boundary)".utf8)
        let nextDelimiter = Data("\r\n--\(boundary)".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else { throw Malformed() }
        while true {
            if body[cursor...].starts(with: Data("--".utf8)) { return }
            guard body[cursor...].starts(with: Data("\r\n".utf8)) else { throw Malformed() }
            let partStart = cursor + 2
            guard let end = body.range(of: nextDelimiter, in: partStart..<body.endIndex) else { throw Malformed() }
            parts.append(try Self.part(body[partStart..<end.lowerBound]))
            cursor = end.upperBound
        }
    }

    /// The first part called `name`.
    func part(named name: String) -> Part? {
        parts.first { $0.name == name }
    }

    private static func part(_ bytes: Data) throws(Malformed) -> Part {
        let separator = Data("\r\n\r\n".utf8)
        let headerText: String
        let content: Data
        if bytes.starts(with: Data("\r\n".utf8)) {
            headerText = ""
            content = Data(bytes.dropFirst(2))
        } else if let split = bytes.range(of: separator) {
            headerText = String(decoding: bytes[bytes.startIndex..<split.lowerBound], as: UTF8.self)
            content = Data(bytes[split.upperBound...])
        } else {
            throw Malformed()
        }
        var name: String?
        var fileName: String?
        var contentType: String?
        for line in headerText.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "content-disposition":
                let parameters = dispositionParameters(pair[1])
                name = parameters["name"]
                fileName = parameters["filename"]
            case "content-type":
                contentType = pair[1]
            default:
                continue
            }
        }
        guard let name else { throw Malformed() }
        return Part(name: name, fileName: fileName, contentType: contentType, data: content)
    }

    /// The parameters of `form-data; name="file"; filename="a.pdf"`, keys lower-cased.
    private static func dispositionParameters(_ value: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for parameter in unquotedSplit(value, at: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            parameters[pair[0].lowercased()] = unquoted(pair[1])
        }
        return parameters
    }

    /// Splits at `separator` outside double quotes, so `filename="a;b.pdf"` stays one parameter.
    private static func unquotedSplit(_ text: String, at separator: Character) -> [String] {
        var segments: [String] = []
        var current = ""
        var isQuoted = false
        var previous: Character?
        for character in text {
            if character == "\"", previous != "\\" { isQuoted.toggle() }
            if character == separator, !isQuoted {
                segments.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        segments.append(current)
        return segments
    }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
    }
}
