import Foundation
import HTTPTypes
import LexofficeKit

/// The representation of a downloaded sales document, chosen by `Accept` (sales-vouchers-common.md).
enum SalesDocumentFormat: Sendable {
    case pdf
    case xml

    var contentType: String { self == .pdf ? "application/pdf" : "application/xml" }
    var fileExtension: String { self == .pdf ? "pdf" : "xml" }

    /// Applies the documented matrix: XRechnung gives XML for `*/*` and `application/xml`; other documents
    /// have no XML (404); PDF is always available for `application/pdf`; anything else is 406.
    static func negotiate(
        accept: String?,
        kind: SalesVoucherKind,
        profile: ElectronicDocumentProfile?
    ) throws -> SalesDocumentFormat {
        let ranges = (accept ?? "*/*").split(separator: ",").map {
            $0.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        }
        let isXRechnung = profile == .xRechnung
        let offersXML = [SalesVoucherKind.invoice, .creditNote, .downPaymentInvoice].contains(kind)
        for range in ranges {
            switch range {
            case "*/*", "application/*":
                return isXRechnung ? .xml : .pdf
            case "application/pdf":
                return .pdf
            case "application/xml":
                guard offersXML else { throw notAcceptable }
                guard isXRechnung else { throw SandboxProblem.notFound("XML representation") }
                return .xml
            default:
                continue
            }
        }
        throw notAcceptable
    }

    private static let notAcceptable = SandboxProblem(
        status: .notAcceptable,
        message: "The requested media type is not supported for this document."
    )
}
