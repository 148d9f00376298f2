import Foundation
import KontorCore

/// One outgoing lexoffice document as the archive stores it: its identity, its rendered files and the JSON
/// metadata sidecar.
package struct ArchiveDocument: Sendable, Hashable {
    /// The tenant whose lexoffice the document comes from.
    package var tenant: TenantID
    /// The document's lexoffice id (a UUID).
    package var lexofficeID: String
    /// What kind of document it is.
    package var type: ArchiveDocumentType
    /// The document number (`voucherNumber`), e.g. `RE-1001`; any text, sinks make it safe for their keys.
    package var number: String
    /// The year of the document date, the archive's top-level folder per tenant.
    package var year: Int
    /// The rendered PDF (or the receipt file of a bookkeeping voucher).
    package var pdf: Data
    /// The XRechnung XML of an e-invoice, if there is one.
    package var xml: Data?
    /// The JSON metadata sidecar (type, number, dates, status, contact, totals, lexoffice id and link).
    package var metadata: Data
    /// The customer number of the document's contact, if it has one (also in the sidecar; sinks that keep
    /// attributes or object metadata set it there too).
    package var customerNumber: String?
    /// Whether the document was written before and only its sidecar changed (a status change): then only the
    /// sidecar is written (and a DMS's attributes updated), never the PDF again, and ``pdf`` may be empty.
    package var isSidecarUpdate: Bool

    /// A document.
    package init(
        tenant: TenantID,
        lexofficeID: String,
        type: ArchiveDocumentType,
        number: String,
        year: Int,
        pdf: Data,
        xml: Data? = nil,
        metadata: Data,
        customerNumber: String? = nil,
        isSidecarUpdate: Bool = false
    ) {
        self.tenant = tenant
        self.lexofficeID = lexofficeID
        self.type = type
        self.number = number
        self.year = year
        self.pdf = pdf
        self.xml = xml
        self.metadata = metadata
        self.customerNumber = customerNumber
        self.isSidecarUpdate = isSidecarUpdate
    }

    /// The files to write, in writing order: the PDF, the XML if any, and the sidecar last, so that a sidecar in
    /// the sink says that the document's other files are complete; only the sidecar for a sidecar update.
    package var files: [ArchiveFile] {
        guard !isSidecarUpdate else { return [ArchiveFile(kind: .metadata, contents: metadata)] }
        var files = [ArchiveFile(kind: .pdf, contents: pdf)]
        if let xml { files.append(ArchiveFile(kind: .xml, contents: xml)) }
        files.append(ArchiveFile(kind: .metadata, contents: metadata))
        return files
    }
}
