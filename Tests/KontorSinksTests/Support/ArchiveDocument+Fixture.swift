import Foundation
import KontorCore
import KontorFlows

extension ArchiveDocument {
    /// A valid document with small PDF, XML and sidecar contents; a test states only what it is about.
    static func fixture(
        tenant: String = "acme",
        number: String = "RE-1001",
        type: ArchiveDocumentType = .invoice,
        year: Int = 2026,
        withXML: Bool = true,
        status: String = "open",
        customerNumber: String? = "10042"
    ) -> ArchiveDocument {
        ArchiveDocument(
            tenant: TenantID(tenant),
            lexofficeID: "e9066f04-8cc7-4616-93f8-ac9ecc8479c8",
            type: type,
            number: number,
            year: year,
            pdf: Data("%PDF-1.7 \(number)\n".utf8),
            xml: withXML ? Data("<Invoice><ID>\(number)</ID></Invoice>".utf8) : nil,
            metadata: Data(#"{"number":"\#(number)","status":"\#(status)"}"#.utf8),
            customerNumber: customerNumber
        )
    }
}
