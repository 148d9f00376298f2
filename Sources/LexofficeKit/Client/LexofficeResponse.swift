import struct Foundation.Data

/// A lexoffice HTTP response: status, headers and body bytes.
public struct LexofficeResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers in the order received (names as sent; compare case-insensitively).
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: Data

    /// Creates a response value.
    public init(status: Int, headers: [(name: String, value: String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
