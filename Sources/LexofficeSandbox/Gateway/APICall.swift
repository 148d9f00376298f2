import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit
import NIOFoundationCompat

/// One authenticated request: its organization and helpers to read parameters and bodies.
struct APICall: Sendable {
    let request: Request
    let organizationID: LexofficeID
    let api: SandboxAPI
    /// Set by a fault with a replication lag: how long a resource created by this call stays invisible to reads.
    var replicationDelay: Duration?
    /// The OAuth connection of the access token used; `nil` for an API key.
    var connectionID: LexofficeID?
    /// The connection of the credential used (OAuth connection or API key), which owns the subscriptions it
    /// creates and is the profile's `connectionId`.
    var credentialConnectionID: LexofficeID?
    /// The query string's parameters, decoded once.
    private let queryFields: FormFields

    /// A call of `request` by `organizationID` through `api`.
    init(
        request: Request,
        organizationID: LexofficeID,
        api: SandboxAPI,
        connectionID: LexofficeID?,
        credentialConnectionID: LexofficeID?
    ) {
        self.request = request
        self.organizationID = organizationID
        self.api = api
        self.connectionID = connectionID
        self.credentialConnectionID = credentialConnectionID
        queryFields = FormFields.query(of: request)
    }

    var state: SandboxState { api.state }
    var now: LexofficeDateTime { api.state.clock.timestamp }

    /// The raw JSON body; 415 without `Content-Type: application/json`, 400 when it is not JSON.
    func jsonBody() async throws -> JSONValue {
        guard let contentType = request.headers[.contentType]?.lowercased(),
            contentType.hasPrefix("application/json")
        else { throw SandboxProblem.unsupportedMediaType }
        let buffer = try await request.body.collect(upTo: 10 * 1024 * 1024)
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer)) else {
            throw SandboxProblem.badRequest("Malformed JSON request body.")
        }
        return value
    }

    /// Decodes a validated JSON body into a model; a type mismatch is a 406 on the offending field.
    func decode<Model: Decodable>(_ type: Model.Type, from value: JSONValue) throws -> Model {
        do {
            return try JSONDecoder().decode(type, from: JSONEncoder().encode(value))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context),
            let DecodingError.valueNotFound(_, context)
        {
            throw SandboxProblem.validation([.invalid(Self.fieldPath(context.codingPath))])
        } catch let DecodingError.keyNotFound(key, context) {
            throw SandboxProblem.validation([.missing(Self.fieldPath(context.codingPath + [key]))])
        }
    }

    /// A query parameter decoded as a form field, as lexoffice decodes it (`name=radhaus+nord` is `radhaus nord`,
    /// `%2B` a plus); the first value of a repeated name.
    func query(_ name: String) -> String? {
        queryFields.values[name]
    }

    /// A boolean query parameter; 400 for anything but `true`/`false`.
    func booleanQuery(_ name: String) throws -> Bool? {
        guard let value = query(name) else { return nil }
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default:
            throw SandboxProblem.badRequest(
                "Invalid value '\(value)' received for request parameter '\(name)'.",
                parameter: name
            )
        }
    }

    /// Page index and size from the query: default 0/25, size 1...250, window 10,000; 400 otherwise.
    func paging() throws -> (page: Int, size: Int) {
        let page = try integerQuery("page") ?? 0
        let size = try integerQuery("size") ?? 25
        guard page >= 0 else {
            throw SandboxProblem.badRequest("parameter 'page' must not be negative", parameter: "page")
        }
        guard size >= 1 else {
            throw SandboxProblem.badRequest("parameter 'size' must be greater than 0", parameter: "size")
        }
        guard size <= 250 else {
            throw SandboxProblem.badRequest("parameter 'size' must be equal or lower than 250", parameter: "size")
        }
        guard (page + 1) * size <= 10_000 else {
            throw SandboxProblem.badRequest("Maximum search window size exceeded", parameter: "page")
        }
        return (page, size)
    }

    /// The id in the path; 404 when it is not a UUID (lexoffice cannot find it either).
    func pathID(_ context: some RequestContext, what: String) throws -> LexofficeID {
        guard let text = context.parameters.get("id"), let id = try? LexofficeID(text) else {
            throw SandboxProblem.notFound(what)
        }
        return id
    }

    private func integerQuery(_ name: String) throws -> Int? {
        guard let value = query(name) else { return nil }
        guard let number = Int(value) else {
            throw SandboxProblem.badRequest(
                "Invalid value '\(value)' received for request parameter '\(name)'.",
                parameter: name
            )
        }
        return number
    }

    private static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}
