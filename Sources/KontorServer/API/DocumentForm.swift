import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorFlows
import NIOCore

/// The `multipart/form-data` body of `POST /api/v1/tenants/{t}/documents`, read with MultipartKit's parser and
/// checked: the `file` part and the fields `externalId`, `direction`, `approvedAt` or `sentAt`, `note`.
///
/// Over 5 MB (lexoffice's limit) → 413 naming it; a file that is not PDF, PNG, JPEG or XML → 415; missing or invalid
/// fields → 422 naming each (`#/externalId`, …).
struct DocumentForm {
    /// lexoffice's limit for a receipt: 5 MB.
    static let maximumFileBytes = DocumentMediaType.maximumBytes
    /// Room for the form's fields and boundaries beside the file.
    static let formOverhead = 64 * 1024

    var externalID: String
    var direction: DocumentDirection
    var releasedAt: Date
    var note: String?
    var fileName: String
    var mediaType: String
    var content: Data

    /// Reads and checks the request's form.
    static func read(_ request: Request) async throws -> DocumentForm {
        guard let boundary = boundary(of: request.headers[.contentType]) else {
            throw unsupported("Send the document as multipart/form-data with a boundary.")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maximumFileBytes + formOverhead)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        }
        let parts: [FormPart]
        do {
            parts = try FormPart.parse(body, boundary: boundary)
        } catch {
            throw HubProblem(
                status: .badRequest,
                code: "malformed-multipart",
                title: "Malformed multipart body",
                detail: "The body is not a valid multipart/form-data form."
            )
        }
        return try DocumentForm(parts: parts)
    }

    private init(parts: [FormPart]) throws {
        var errors: [HubProblem.FieldError] = []
        func text(_ name: String) -> String? {
            parts.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.body, as: UTF8.self) }
        }
        // Lengths count code points, as the OpenAPI document's maxLength does.
        let rawExternalID = text("externalId") ?? ""
        let externalID = rawExternalID.trimmingCharacters(in: .whitespacesAndNewlines)
        if externalID.isEmpty || rawExternalID.unicodeScalars.count > 128 {
            errors.append(.init(pointer: "#/externalId", detail: "is required: 1 to 128 characters"))
        }
        let direction = text("direction").flatMap(DocumentDirection.init(rawValue:))
        if direction == nil {
            errors.append(.init(pointer: "#/direction", detail: "is required: 'incoming' or 'outgoing'"))
        }
        let released = Self.moment(text("approvedAt"), text("sentAt"), errors: &errors)
        let note = text("note")
        if let note, note.unicodeScalars.count > 2000 {
            errors.append(.init(pointer: "#/note", detail: "must be at most 2000 characters"))
        }
        let file = parts.first { $0.name == "file" }
        if file == nil || file?.body.isEmpty == true {
            errors.append(.init(pointer: "#/file", detail: "is required: the document as a file part"))
        }
        guard errors.isEmpty, let direction, let released, let file else { throw HubProblem.validation(errors) }
        guard file.body.count <= Self.maximumFileBytes else { throw Self.tooLarge }
        guard let mediaType = DocumentMediaType.of(file.body) else {
            throw Self.unsupported("The file must be a PDF, PNG, JPEG or XML document (XRechnung, ZUGFeRD).")
        }
        self.externalID = externalID
        self.direction = direction
        releasedAt = released
        self.note = note.flatMap { $0.isEmpty ? nil : $0 }
        fileName = String((file.fileName ?? "document").prefix(200))
        self.mediaType = mediaType
        content = file.body
    }

    /// `approvedAt` or `sentAt` (exactly one), an RFC 3339 date-time.
    private static func moment(_ approved: String?, _ sent: String?, errors: inout [HubProblem.FieldError]) -> Date? {
        switch (approved, sent) {
        case (nil, nil):
            errors.append(.init(pointer: "#/approvedAt", detail: "approvedAt or sentAt is required"))
        case (.some, .some):
            errors.append(.init(pointer: "#/sentAt", detail: "send either approvedAt or sentAt, not both"))
        case (let text?, nil), (nil, let text?):
            if let date = RFC3339.date(from: text) { return date }
            let member = approved != nil ? "approvedAt" : "sentAt"
            errors.append(
                .init(pointer: "#/\(member)", detail: "must be an RFC 3339 date-time, e.g. 2026-01-01T00:00:00Z")
            )
        }
        return nil
    }

    /// The boundary of a `multipart/form-data` content type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() where parameter.lowercased().hasPrefix("boundary=") {
            let value = parameter.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 70 ? nil : value
        }
        return nil
    }

    /// 413 naming lexoffice's limit.
    static let tooLarge = HubProblem(
        status: .contentTooLarge,
        code: "payload-too-large",
        title: "Document too large",
        detail: "The document exceeds lexoffice's limit of 5 MB (\(maximumFileBytes) bytes)."
    )

    private static func unsupported(_ detail: String) -> HubProblem {
        HubProblem(
            status: .unsupportedMediaType,
            code: "unsupported-media-type",
            title: "Unsupported media type",
            detail: detail
        )
    }
}
