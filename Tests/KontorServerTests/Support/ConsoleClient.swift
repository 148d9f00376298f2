import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// A browser for the web console's server-side tests: keeps cookies, does not follow redirects (tests look at them),
/// reads the form token of the last page.
final class ConsoleClient: @unchecked Sendable {  // used by one test task at a time
    let baseURL: String
    private let client = HTTPClient(configuration: .init(redirectConfiguration: .disallow))
    private(set) var cookies: [String: String] = [:]
    private(set) var formToken: String?
    /// `Accept-Language` sent with every request.
    var acceptLanguage = "de-DE,de;q=0.9"

    /// An answer: status, `Location`, body.
    struct Page {
        let status: Int
        let location: String?
        let headers: HTTPHeaders
        let body: String
    }

    init(baseURL: String) {
        self.baseURL = baseURL
    }

    /// Ends the client (call once).
    func shutdown() async throws {
        try await client.shutdown()
    }

    /// GETs `path`; remembers the page's form token.
    @discardableResult
    func get(_ path: String) async throws -> Page {
        let page = try await send("GET", path, body: nil, headers: [:])
        if let token = Self.formToken(in: page.body) { formToken = token }
        return page
    }

    /// POSTs a form to `path` with the remembered form token (unless `formToken` is given, `""` for none).
    @discardableResult
    func post(
        _ path: String,
        _ fields: [(String, String)] = [],
        formToken: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> Page {
        var all = fields
        let token = formToken ?? self.formToken ?? ""
        if !token.isEmpty { all.append(("_csrf", token)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var extra = headers
        extra["Content-Type"] = "application/x-www-form-urlencoded"
        return try await send("POST", path, body: body, headers: extra)
    }

    /// Signs in with the one-time link `link` (its page, then its form).
    func signIn(link: String) async throws {
        let path = String(link.dropFirst(baseURL.count))
        let page = try await get(path)
        #expect(page.status == 200, "sign-in link page: \(page.status)")
        let answer = try await post(path)
        #expect(answer.status == 303, "sign-in: \(answer.status) \(answer.body)")
        #expect(cookies["kontor_session"] != nil)
        try await get("/ui/")
    }

    private func send(_ method: String, _ path: String, body: String?, headers: [String: String]) async throws -> Page {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "Accept-Language", value: acceptLanguage)
        if !cookies.isEmpty {
            request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(30))
        for header in response.headers[canonicalForm: "Set-Cookie"] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count == 2 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let bytes = try await response.body.collect(upTo: 4 << 20)
        return Page(
            status: Int(response.status.code),
            location: response.headers.first(name: "Location"),
            headers: response.headers,
            body: String(buffer: bytes)
        )
    }

    private static func formToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
