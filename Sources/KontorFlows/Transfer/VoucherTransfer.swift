import Foundation
import KontorCore
import LexofficeKit

/// The `voucher` transfer variant: a bookkeeping voucher (`salesinvoice`, for a cancellation `salescreditnote`)
/// with the source's own number, then the source's PDF attached to it; two requests, each an exactly-once step.
///
/// A voucher in doubt is looked up by its number (the source's, unique per tenant). An attachment in doubt is
/// simply sent again: lexoffice deduplicates a voucher's files by checksum and answers the existing file's id.
struct VoucherTransfer: Sendable {
    let records: any TransferRecords
    let steps: TransferStepRunner
    let client: LexofficeClient

    /// Creates the voucher of `source` and attaches its PDF.
    func voucher(
        _ source: SourceInvoice,
        of invoice: StoredSourceInvoice,
        contact: ContactResolver.Resolved,
        isCancellation: Bool
    ) async throws -> TransferResult {
        let body = try FlowProblem.mapped { () throws(SourceInvoiceMappingError) in
            try source.lexofficeVoucher(contactID: contact.id, isCancellation: isCancellation)
        }
        guard let pdf = source.decodedPDF() else {
            throw FlowProblem(.pdfMissing, "the voucher variant attaches the source's PDF, but the invoice has no pdf")
        }
        let client = client
        let records = records
        let id = try await steps.run(
            .voucher,
            fingerprint: TransferFingerprint.of(body),
            of: invoice,
            find: { _ in
                try await client.unrecordedVoucher(of: body.type, numbered: source.number) {
                    try await records.isRecorded($0.rawValue, of: invoice.tenantID)
                }
            },
            send: { try await client.vouchers.create(body).id }
        )
        let upload = try FileUpload(data: pdf, fileName: "\(source.number).pdf")
        _ = try await steps.run(
            .attachment,
            fingerprint: SecureToken.sha256Hex(source.pdf ?? ""),
            of: invoice,
            find: { _ in nil },
            send: { try await client.vouchers.attachFile(upload, to: id).id }
        )
        let gross = body.totalGrossAmount ?? 0
        return TransferResult(
            documentType: body.type.rawValue,
            lexofficeID: id.rawValue,
            voucherNumber: source.number,
            customerNumber: contact.customerNumber,
            lexofficeStatus: VoucherStatus.open.rawValue,
            totalsDifference: TotalsComparison.difference(
                source: source.totals,
                lexoffice: TotalPrice(
                    currency: .euro,
                    totalNetAmount: gross - (body.totalTaxAmount ?? 0),
                    totalGrossAmount: gross
                )
            )
        )
    }
}
