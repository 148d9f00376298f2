import NIOHTTP1

import struct Foundation.Data

/// One request to the lexoffice API, before credentials, pacing and retries are applied.
struct LexofficeRequest: Sendable {
    var method: HTTPMethod
    /// The path below the base URL, without a leading slash, e.g. `contacts/0f1e…`.
    var path: String
    var query: [QueryParameter] = []
    var body: Data? = nil
    var contentType: String? = nil
    var accept: String = "application/json"

    /// GET, PUT and DELETE may be sent again after an unknown outcome; POST may not.
    var isIdempotent: Bool {
        method == .GET || method == .PUT || method == .DELETE || method == .HEAD
    }

    /// A JSON request with an encoded body.
    static func json(
        _ method: HTTPMethod,
        _ path: String,
        query: [QueryParameter] = [],
        body: some Encodable
    ) throws -> LexofficeRequest {
        LexofficeRequest(
            method: method,
            path: path,
            query: query,
            body: try LexofficeJSON.encode(body),
            contentType: "application/json"
        )
    }

    /// The query string (without `?`), each name and value percent-encoded.
    var encodedQuery: String {
        query.map { "\(QueryEncoding.percentEncode($0.name))=\(QueryEncoding.percentEncode($0.wireValue))" }
            .joined(separator: "&")
    }
}

/// One query parameter.
struct QueryParameter: Sendable, Hashable {
    var name: String
    var value: String
    /// Search text of contacts, vouchers and voucherlist: `&`, `<`, `>` are HTML-escaped before URL-encoding.
    var isSearchText = false

    /// The value as it goes into the URL before percent-encoding.
    var wireValue: String { isSearchText ? QueryEncoding.htmlEscape(value) : value }
}

/// Query-string encoding rules of the lexoffice API.
public enum QueryEncoding {
    /// Escapes `&`, `<` and `>` as HTML entities, as lexoffice requires for search strings of contacts,
    /// vouchers and voucherlist (before URL-encoding). `Rad & Tat` → `Rad &amp; Tat`.
    public static func htmlEscape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Percent-encodes everything except RFC 3986 unreserved characters and `,` (used in list values).
    /// `Rad &amp; Tat` → `Rad%20%26amp%3B%20Tat`.
    public static func percentEncode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            if isUnencoded(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    /// Escapes the SQL-LIKE wildcards `_` and `%` (and the escape character `\`) so that a contact `name` or
    /// `email` filter matches literally.
    public static func escapeWildcards(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "_" || character == "%" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private static func isUnencoded(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ","):
            true
        default:
            false
        }
    }
}
