import struct Foundation.Data
import struct Foundation.UUID

/// Builds a `multipart/form-data` body (RFC 7578) for file uploads (lexoffice's, and Kontor's DMS sink's).
package struct MultipartFormData {
    /// The boundary between parts; random, so it cannot occur in a text part.
    package let boundary: String
    /// The body built so far.
    package private(set) var body = Data()

    /// An empty body.
    package init(boundary: String = "LexofficeKit-" + UUID().uuidString) {
        self.boundary = boundary
    }

    /// The `Content-Type` header value.
    package var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Appends a file part.
    package mutating func addFile(name: String, fileName: String, contentType: String, data: Data) {
        appendLine("--\(boundary)")
        appendLine("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"")
        appendLine("Content-Type: \(contentType)")
        appendLine("")
        body.append(data)
        appendLine("")
    }

    /// Appends a text field.
    package mutating func addField(name: String, value: String) {
        appendLine("--\(boundary)")
        appendLine("Content-Disposition: form-data; name=\"\(name)\"")
        appendLine("")
        appendLine(value)
    }

    /// Closes the body; call once after the last part.
    package mutating func finish() {
        appendLine("--\(boundary)--")
    }

    private mutating func appendLine(_ line: String) {
        body.append(contentsOf: Array(line.utf8))
        body.append(contentsOf: [13, 10])
    }
}
