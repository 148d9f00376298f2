import AsyncHTTPClient
import Foundation
import KontorFlows
import LexofficeKit
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The calls of Mayan EDMS's REST API (v4) the DMS sink makes, with `Authorization: Token …` and JSON answers.
package struct MayanAPI: Sendable {
    private let configuration: MayanConfiguration
    private let httpClient: HTTPClient

    /// An API client for `configuration`'s server.
    package init(configuration: MayanConfiguration, httpClient: HTTPClient) {
        self.configuration = configuration
        self.httpClient = httpClient
    }

    /// Logs in once with `username` and `password` and returns the API token; the password goes no further.
    /// - Throws: ``ArchiveSinkError``: ``ArchiveSinkError/Code/accessDenied`` for rejected credentials.
    package static func obtainToken(
        baseURL: String,
        username: String,
        password: Secret,
        httpClient: HTTPClient,
        timeout: Duration = .seconds(30)
    ) async throws -> Secret {
        let configuration = try MayanConfiguration(baseURL: baseURL, token: Secret(""), timeout: timeout)
        var request = HTTPClientRequest(url: configuration.baseURL + "/api/v4/auth/token/obtain/?format=json")
        request.method = .POST
        request.headers.add(name: "accept", value: "application/json")
        request.headers.add(name: "content-type", value: "application/json")
        let body = try JSONEncoder().encode(["username": username, "password": password.revealed])
        request.body = .bytes(ByteBuffer(data: body))
        let answer = try await SinkHTTP.send(request, on: httpClient, timeout: timeout, sink: "Mayan EDMS")
        let status = Int(answer.response.status.code)
        // Django REST framework answers wrong credentials with 400.
        if status == 400 || status == 401 || status == 403 {
            throw ArchiveSinkError(.accessDenied, "Mayan EDMS refused the login (HTTP \(status))", httpStatus: status)
        }
        guard (200..<300).contains(status) else { throw SinkHTTP.failure(status: status, "Mayan EDMS login") }
        return Secret(try decode(MayanResources.Token.self, from: answer.body, what: "login").token)
    }

    /// Every item of the list at `path` (e.g. `metadata_types/`), following its pages.
    func list<Item: Decodable>(_ path: String, of type: Item.Type = Item.self) async throws -> [Item] {
        var items: [Item] = []
        var url: String? = configuration.baseURL + "/api/v4/" + path + "?page_size=100"
        while let next = url {
            // `next` is absolute; it is followed only on the configured server.
            guard next.hasPrefix(configuration.baseURL + "/") else { break }
            let body = try await send(.GET, url: next, body: nil, contentType: nil, what: "GET \(path)")
            let page = try Self.decode(MayanResources.Page<Item>.self, from: body, what: path)
            items += page.results
            url = page.next
        }
        return items
    }

    /// Sends `fields` as JSON to `path` with `method` and decodes the answer as `Answer`.
    func send<Answer: Decodable>(
        _ method: HTTPMethod,
        _ path: String,
        fields: [String: String?],
        answer: Answer.Type
    ) async throws -> Answer {
        try Self.decode(Answer.self, from: try await send(method, path, fields: fields), what: path)
    }

    /// Sends `fields` as JSON to `path` with `method`; the answer's body.
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, fields: [String: String?]) async throws -> ByteBuffer {
        try await send(
            method,
            url: configuration.baseURL + "/api/v4/" + path,
            body: try JSONEncoder().encode(fields),
            contentType: "application/json",
            what: "\(method.rawValue) \(path)"
        )
    }

    /// Uploads `file` as a new document of `documentTypeID` labelled `label`; its id.
    func upload(
        _ file: Data,
        fileName: String,
        contentType: String,
        label: String,
        documentTypeID: Int
    ) async throws
        -> Int
    {
        var form = MultipartFormData(boundary: "Kontor-" + UUID().uuidString)
        form.addField(name: "document_type_id", value: String(documentTypeID))
        form.addField(name: "label", value: label)
        form.addFile(name: "file", fileName: fileName, contentType: contentType, data: file)
        form.finish()
        let answer = try await send(
            .POST,
            url: configuration.baseURL + "/api/v4/documents/upload/",
            body: form.body,
            contentType: form.contentType,
            what: "upload"
        )
        return try Self.decode(MayanResources.Item.self, from: answer, what: "upload").id
    }

    private func send(
        _ method: HTTPMethod,
        url: String,
        body: Data?,
        contentType: String?,
        what: String
    ) async throws
        -> ByteBuffer
    {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "authorization", value: "Token \(configuration.token.revealed)")
        request.headers.add(name: "accept", value: "application/json")
        if let contentType { request.headers.add(name: "content-type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(data: body)) }
        let answer = try await SinkHTTP.send(
            request,
            on: httpClient,
            timeout: configuration.timeout,
            sink: "Mayan EDMS"
        )
        let status = Int(answer.response.status.code)
        guard (200..<300).contains(status) else { throw SinkHTTP.failure(status: status, "Mayan EDMS \(what)") }
        return answer.body
    }

    private static func decode<Answer: Decodable>(
        _ type: Answer.Type,
        from body: ByteBuffer,
        what: String
    ) throws
        -> Answer
    {
        do {
            return try JSONDecoder().decode(Answer.self, from: Data(buffer: body))
        } catch {
            throw ArchiveSinkError(.rejected, "Mayan EDMS answered \(what) with an unexpected document")
        }
    }
}
