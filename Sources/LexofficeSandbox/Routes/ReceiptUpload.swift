import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit
import NIOCore
import NIOFoundationCompat

/// A receipt file received as `multipart/form-data` (`POST /v1/files`, `POST /v1/vouchers/{id}/files`),
/// checked against lexoffice's upload rules.
struct ReceiptUpload {
    /// The largest file lexoffice accepts: 5 MB.
    static let maxFileBytes = 5 * 1024 * 1024

    let kind: SandboxFile.Kind
    /// The file name the client sent.
    let fileName: String
    let data: Data
    /// The SHA-256 of ``data``.
    let checksum: ContentChecksum

    /// Reads the request's form.
    /// - Throws: 415 when the body is not `multipart/form-data` with a boundary; 400 when it is malformed;
    ///   406 when it is far larger than any acceptable file.
    static func form(of call: APICall) async throws -> MultipartForm {
        guard let boundary = MultipartForm.boundary(fromContentType: call.request.headers[.contentType]) else {
            throw SandboxProblem(
                status: .unsupportedMediaType,
                message: "Content type not supported; send multipart/form-data."
            )
        }
        let buffer: ByteBuffer
        do {
            buffer = try await call.request.body.collect(upTo: maxFileBytes + 1024 * 1024)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        }
        do {
            return try MultipartForm(body: Data(buffer: buffer), boundary: boundary)
        } catch {
            throw SandboxProblem.badRequest("Malformed multipart request body.")
        }
    }

    /// The `file` part of `form`, checked.
    /// - Throws: 500 without a `file` part (documented lexoffice quirk); 406 `inacceptable_file_extension` for a
    ///   name without pdf/jpg/jpeg/png/xml extension; 406 for more than 5 MB.
    init(from form: MultipartForm) throws {
        guard let part = form.part(named: "file") else {
            throw SandboxProblem(status: .internalServerError, message: "Required request part 'file' is not present")
        }
        let fileName = part.fileName ?? ""
        guard let kind = SandboxFile.Kind(fileName: fileName) else {
            throw SandboxProblem.validation([
                ValidationFailure(
                    field: "file",
                    key: "inacceptable_file_extension",
                    violation: "INVALID",
                    message: "Dateiendung nicht erlaubt (pdf, jpg, png, xml)"
                )
            ])
        }
        guard part.data.count <= Self.maxFileBytes else { throw Self.tooLarge }
        self.kind = kind
        self.fileName = fileName
        data = part.data
        checksum = ContentChecksum(of: part.data)
    }

    /// A stored file with this content, owned by `voucherID`.
    func file(id: LexofficeID, voucherID: LexofficeID, now: LexofficeDateTime) -> SandboxFile {
        SandboxFile(
            id: id,
            kind: kind,
            originalName: fileName,
            data: data,
            checksum: checksum,
            voucherID: voucherID,
            createdDate: now
        )
    }

    /// Checks that `organization` takes this kind of file: XML e-invoices need the "E-Rechnung" feature.
    /// - Throws: 406 `inacceptable_file_extension` for XML without the feature.
    func checkAccepted(by organization: Organization) throws {
        guard kind == .xml, !organization.acceptsEInvoices else { return }
        throw SandboxProblem.validation([
            ValidationFailure(
                field: "file",
                key: "inacceptable_file_extension",
                violation: "INVALID",
                message: "XML-Dateien erfordern die Funktion E-Rechnung"
            )
        ])
    }

    /// 406 for a file over 5 MB (lexoffice's exact answer is not documented).
    private static let tooLarge = SandboxProblem.validation([
        ValidationFailure(
            field: "file",
            key: "file_too_large",
            violation: "SIZE",
            message: "Die Datei ist größer als 5 MB"
        )
    ])
}
