import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit
import NIOFoundationCompat

/// Builds the simulator's HTTP responses: JSON bodies, action results and error bodies in each shape.
enum SandboxResponses {
    /// A JSON response with an encoded body, its members in a stable order (``SandboxJSON``).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        bytes(try SandboxJSON.encode(value), status: status, contentType: "application/json")
    }

    /// A response with raw bytes.
    static func bytes(
        _ data: Data,
        status: HTTPResponse.Status = .ok,
        contentType: String,
        extraHeaders: [(HTTPField.Name, String)] = []
    ) -> Response {
        bytes(ByteBuffer(data: data), status: status, contentType: contentType, extraHeaders: extraHeaders)
    }

    /// A response with the bytes of `buffer`.
    static func bytes(
        _ buffer: ByteBuffer,
        status: HTTPResponse.Status = .ok,
        contentType: String,
        extraHeaders: [(HTTPField.Name, String)] = []
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentLength] = String(buffer.readableBytes)
        for (name, value) in extraHeaders { headers[name] = value }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// The action result of a create (with `Location`) or an update.
    static func actionResult(_ result: ActionResult, created: Bool) throws -> Response {
        var response = try json(result, status: created ? .created : .ok)
        if created, let uri = result.resourceUri { response.headers[.location] = uri }
        return response
    }

    /// An empty 204.
    static let noContent = Response(status: .noContent)

    /// Renders `problem` in the endpoint's shape.
    static func problem(
        _ problem: SandboxProblem,
        shape: SandboxProblem.Shape,
        path: String,
        now: LexofficeDateTime
    ) -> Response {
        let body: Data
        switch problem.isGateway ? .gateway : problem.forcedShape ?? shape {
        case .gateway:
            body = (try? SandboxJSON.encode(["message": problem.message])) ?? Data()
        case .legacy:
            let issues =
                problem.issues.isEmpty
                ? [
                    LegacyIssue(
                        i18nKey: legacyKey(for: problem.status),
                        source: nil,
                        type: legacyType(for: problem.status)
                    )
                ]
                : problem.issues
            body = (try? SandboxJSON.encode(LegacyBody(issueList: issues))) ?? Data()
        case .regular:
            let regular = RegularErrorBody(
                timestamp: now.description,
                status: problem.status.code,
                error: problem.status.reasonPhrase,
                path: path,
                traceId: String(UInt64.random(in: 0...UInt64.max), radix: 16),
                message: problem.message,
                details: problem.details.isEmpty ? nil : problem.details
            )
            body = (try? SandboxJSON.encode(regular)) ?? Data()
        }
        return bytes(body, status: problem.status, contentType: "application/json")
    }

    private static func legacyKey(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad_request_error"
        case 404: "not_found"
        case 409: "conflict"
        case 415: "unsupported_media_type"
        default: "technical_error"
        }
    }

    private static func legacyType(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400, 415: "bad_request_error"
        case 404, 409: "validation_failure"
        default: "technical_error"
        }
    }
}

/// The legacy error wrapper as it goes on the wire.
private struct LegacyBody: Encodable {
    var issueList: [LegacyIssue]

    enum CodingKeys: String, CodingKey {
        case issueList = "IssueList"
    }
}
