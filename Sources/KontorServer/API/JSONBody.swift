import Foundation
import Hummingbird
import KontorCore
import NIOCore
import NIOFoundationCompat

/// Reads request bodies as JSON and writes JSON answers, with the hub's error mapping: not JSON → 400, a field of
/// the wrong type or a missing required field → 422 with its JSON pointer, wrong content type → 415.
enum JSONBody {
    /// Decodes the request body as `Value`; bodies over `limit` bytes (default: the context's) → 413.
    static func decode<Value: Decodable>(
        _ type: Value.Type,
        from request: Request,
        context: some RequestContext,
        upTo limit: Int? = nil
    ) async throws -> Value {
        let buffer = try await jsonBody(of: request, upTo: limit ?? context.maxUploadSize)
        return try decoded(buffer) { try JSONDecoder().decode(Value.self, from: buffer) }
    }

    /// Decodes the request body as `Value`, plain JSON directly (``PlainJSONReadable``), anything else with
    /// `JSONDecoder`, so errors read the same; bodies over `limit` bytes (default: the context's) → 413.
    static func decode<Value: Decodable & PlainJSONReadable>(
        _ type: Value.Type,
        from request: Request,
        context: some RequestContext,
        upTo limit: Int? = nil
    ) async throws -> Value {
        let buffer = try await jsonBody(of: request, upTo: limit ?? context.maxUploadSize)
        return try decoded(buffer) { try buffer.withUnsafeReadableBytes { try Value.decodeJSON($0) } }
    }

    /// The body of a JSON request: 415 for another content type, 413 when it is longer than `limit` bytes.
    private static func jsonBody(of request: Request, upTo limit: Int) async throws -> ByteBuffer {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") || contentType.hasPrefix("application/merge-patch+json") else {
            throw HubProblem(
                status: .unsupportedMediaType,
                code: "unsupported-media-type",
                title: "Unsupported media type",
                detail: "Send the body as application/json."
            )
        }
        return try await collect(request, upTo: limit)
    }

    /// Runs `decode` on `body`, mapping its errors to the hub's problems.
    private static func decoded<Value>(_ body: ByteBuffer, _ decode: () throws -> Value) throws -> Value {
        do {
            return try decode()
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // `JSONDecoder` refuses a whole document for one number `Decimal` cannot hold: name that member.
            if let path = body.withUnsafeReadableBytes({ PlainJSON.firstNumberOutsideDecimalRange(in: $0) }) {
                throw HubProblem.invalid(
                    jsonPointer(path),
                    "is a number out of range (significant digits between 10^-128 and 10^127)"
                )
            }
            // … and one integer member for a number beyond 64 bits.
            if let path = body.withUnsafeReadableBytes({ PlainJSON.firstIntegerOutsideInt64Range(in: $0) }) {
                throw HubProblem.invalid(jsonPointer(path), "is an integer out of range (beyond 64 bits)")
            }
            throw HubProblem.malformedJSON("The body is not valid JSON.")
        } catch let error as DecodingError {
            throw problem(for: error)
        } catch let problem as HubProblem {
            throw problem
        } catch {
            throw HubProblem.malformedJSON("The body is not valid JSON.")
        }
    }

    /// The whole request body; 413 when it is longer than `limit` bytes.
    static func collect(_ request: Request, upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw HubProblem.payloadTooLarge(limit: limit)
        }
    }

    /// A JSON answer with sorted keys and ISO 8601 dates.
    static func response(
        _ value: some Encodable,
        status: HTTPResponse.Status = .ok,
        location: String? = nil
    ) throws
        -> Response
    {
        jsonResponse(try KontorJSON.encoder().encode(value), status: status, location: location)
    }

    /// A JSON answer written directly (``CanonicalJSONObject``): sorted keys and ISO 8601 dates too.
    static func response(
        _ value: some CanonicalJSONObject,
        status: HTTPResponse.Status = .ok,
        location: String? = nil
    ) -> Response {
        var json = CanonicalJSONWriter(reservingCapacity: 512)
        json.object { value.writeMembers(to: &$0) }
        return jsonResponse(json.utf8, status: status, location: location)
    }

    /// `json` as the body of an answer with `status`, and a `Location` header when given.
    private static func jsonResponse(
        _ json: some Sequence<UInt8>,
        status: HTTPResponse.Status,
        location: String?
    ) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
    }

    /// The JSON pointer of member names, escaped (RFC 6901).
    private static func jsonPointer(_ path: [String]) -> String {
        "#" + path.map { "/" + $0.replacing("~", with: "~0").replacing("/", with: "~1") }.joined()
    }

    /// The JSON pointer of a decoding path, e.g. `#/settings/transferVariant`.
    static func pointer(_ path: [any CodingKey]) -> String {
        "#" + path.map { "/" + ($0.intValue.map(String.init) ?? $0.stringValue) }.joined()
    }

    private static func problem(for error: DecodingError) -> HubProblem {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .malformedJSON("The body is not valid JSON.")
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return .malformedJSON("The body must be a JSON object.")
        case .typeMismatch(let type, let context):
            return .invalid(pointer(context.codingPath), "must be of type \(describe(type))")
        case .valueNotFound(_, let context):
            return .invalid(pointer(context.codingPath), "must not be null")
        case .keyNotFound(let key, let context):
            return .invalid(pointer(context.codingPath + [key]), "is required")
        case .dataCorrupted(let context):
            return .invalid(pointer(context.codingPath), context.debugDescription)
        @unknown default:
            return .malformedJSON("The body cannot be read.")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Bool.Type: "boolean"
        case is Int.Type, is Int64.Type: "integer"
        case is Double.Type: "number"
        default: "object or array"
        }
    }
}

/// A member of a JSON merge-patch body: absent (leave as is), `null` (clear) or a value.
enum PatchValue<Value: Decodable & Sendable>: Sendable {
    case absent
    case null
    case value(Value)
}

extension KeyedDecodingContainer {
    /// Decodes a merge-patch member, telling absent and `null` apart.
    func decodePatch<Value: Decodable & Sendable>(_ type: Value.Type, forKey key: Key) throws -> PatchValue<Value> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(Value.self, forKey: key))
    }
}
