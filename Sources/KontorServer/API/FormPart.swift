import Foundation
import MultipartKit
import NIOCore
import NIOFoundationCompat

/// One part of a `multipart/form-data` body: its `name`, `filename` (for a file) and bytes.
struct FormPart {
    var name: String?
    var fileName: String?
    var body: Data

    /// The parts of `body`, read with MultipartKit's parser.
    static func parse(_ body: ByteBuffer, boundary: String) throws -> [FormPart] {
        var parts: [FormPart] = []
        var disposition: String?
        var current = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { chunk in current.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let parameters = disposition.map(Self.parameters(ofDisposition:)) ?? [:]
            parts.append(
                FormPart(name: parameters["name"], fileName: parameters["filename"], body: Data(buffer: current))
            )
            disposition = nil
            current.clear()
        }
        try parser.execute(body)
        return parts
    }

    /// The parameters of a `Content-Disposition` value (`form-data; name="file"; filename="a.pdf"`).
    static func parameters(ofDisposition value: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for item in value.split(separator: ";").dropFirst() {
            guard let equals = item.firstIndex(of: "=") else { continue }
            let key = item[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var text = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                text = String(text.dropFirst().dropLast())
            }
            parameters[key] = text
        }
        return parameters
    }
}
