import Foundation
import HTTPTypes
import LexofficeKit

/// Which representation `GET /v1/files/{id}` sends for a bookkeeping receipt: the `Accept` matrix of files.md.
enum FileRepresentation {
    /// The kind of file to send for an `Accept` header (absent means `*/*`); ranges are tried in order.
    /// - Throws: 404 when only `application/xml` was asked for a PDF or image; 406 for media types lexoffice
    ///   does not serve.
    static func kind(forAccept accept: String?, original: SandboxFile.Kind) throws -> SandboxFile.Kind {
        let ranges = (accept ?? "*/*").split(separator: ",").compactMap { range in
            range.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        }
        var askedForMissingXML = false
        for range in ranges.isEmpty ? ["*/*"] : ranges {
            switch range {
            case _ where range.hasSuffix("/*"):
                return original
            case "application/xml":
                guard original == .xml else {
                    askedForMissingXML = true
                    continue
                }
                return .xml
            case "application/pdf", "image/jpeg", "image/png":
                // A PDF or image is sent as it is, whichever of these was asked. lexoffice renders an XML
                // e-invoice as a PDF here; the simulator cannot render yet and sends the XML itself (with its
                // own Content-Type and name) until PDF rendering is added.
                return original
            default:
                continue
            }
        }
        if askedForMissingXML { throw SandboxProblem.notFound("File representation") }
        throw SandboxProblem(
            status: .notAcceptable,
            message: "Requested media type is not supported.",
            issues: [LegacyIssue(i18nKey: "not_acceptable", source: "Accept", type: "bad_request_error")]
        )
    }
}
