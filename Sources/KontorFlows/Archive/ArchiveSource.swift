import Foundation
import LexofficeKit

/// Reads what the archive stores of a lexoffice document: its facts (one request) and its files (one request for
/// the PDF or receipt, one more for the XML of an XRechnung).
struct ArchiveSource: Sendable {
    let client: LexofficeClient

    /// The document's facts.
    func facts(of type: ArchiveDocumentType, _ id: LexofficeID) async throws -> ArchivedFacts {
        switch type {
        case .invoice: try ArchivedFacts(salesDocumentJSON: LexofficeJSON.encode(try await client.invoices.get(id)))
        case .creditNote:
            try ArchivedFacts(salesDocumentJSON: LexofficeJSON.encode(try await client.creditNotes.get(id)))
        case .orderConfirmation:
            try ArchivedFacts(salesDocumentJSON: LexofficeJSON.encode(try await client.orderConfirmations.get(id)))
        case .quotation:
            try ArchivedFacts(salesDocumentJSON: LexofficeJSON.encode(try await client.quotations.get(id)))
        case .deliveryNote:
            try ArchivedFacts(salesDocumentJSON: LexofficeJSON.encode(try await client.deliveryNotes.get(id)))
        case .dunning: try ArchivedFacts(salesDocumentJSON: LexofficeJSON.encode(try await client.dunnings.get(id)))
        case .downPaymentInvoice:
            try ArchivedFacts(salesDocumentJSON: LexofficeJSON.encode(try await client.downPaymentInvoices.get(id)))
        case .voucher: ArchivedFacts(voucher: try await client.vouchers.get(id))
        }
    }

    /// The rendered PDF (a bookkeeping voucher's first receipt file) and, for an XRechnung, its XML.
    /// - Throws: ``FlowProblem`` `unreadable` for a bookkeeping voucher without a receipt file.
    func files(
        of type: ArchiveDocumentType,
        _ id: LexofficeID,
        facts: ArchivedFacts
    ) async throws -> (
        pdf: Data, xml: Data?
    ) {
        let pdf: FileDownload
        switch type {
        case .invoice: pdf = try await client.invoices.file(id, format: .pdf)
        case .creditNote: pdf = try await client.creditNotes.file(id, format: .pdf)
        case .orderConfirmation: pdf = try await client.orderConfirmations.file(id, format: .pdf)
        case .quotation: pdf = try await client.quotations.file(id, format: .pdf)
        case .deliveryNote: pdf = try await client.deliveryNotes.file(id, format: .pdf)
        case .dunning: pdf = try await client.dunnings.file(id, format: .pdf)
        case .downPaymentInvoice: pdf = try await client.downPaymentInvoices.file(id, format: .pdf)
        case .voucher:
            guard let file = facts.receiptFileID else {
                throw FlowProblem(.unreadable, "the bookkeeping voucher has no receipt file")
            }
            pdf = try await client.files.download(try LexofficeID(file))
        }
        guard facts.isXRechnung else { return (pdf.data, nil) }
        let xml: FileDownload
        switch type {
        case .invoice: xml = try await client.invoices.file(id, format: .xml)
        case .creditNote: xml = try await client.creditNotes.file(id, format: .xml)
        default: return (pdf.data, nil)
        }
        return (pdf.data, xml.data)
    }
}
