import Foundation
import KontorCore
import KontorStore
import LexofficeKit

/// Creates the lexoffice document of a source invoice (an invoice, or for a cancellation a credit note linked to
/// the original) as one exactly-once step, then reads it back once for its number, status and totals.
struct SalesDocumentTransfer: Sendable {
    let ledger: TransferLedger
    let steps: TransferStepRunner
    let client: LexofficeClient

    /// Creates the invoice, a draft unless `finalize`.
    func invoice(
        _ source: SourceInvoice,
        of invoice: StoredSourceInvoice,
        contact: ContactResolver.Resolved,
        finalize: Bool
    ) async throws -> TransferResult {
        let body = try mapped { () throws(SourceInvoiceMappingError) in
            try source.lexofficeInvoice(contactID: contact.id)
        }
        let signature = DocumentSignature(body)
        let client = client
        let id = try await steps.run(
            .invoice,
            fingerprint: TransferFingerprint.of(body),
            of: invoice,
            find: { step in
                try await SalesDocumentFinder(ledger: ledger).find(
                    .invoice,
                    signature: signature,
                    contactID: contact.id,
                    voucherDate: body.voucherDate,
                    sentAt: step.startedAt,
                    tenant: invoice.tenantID,
                    client: client,
                    read: { DocumentSignature(try await client.invoices.get($0)) }
                )
            },
            send: { try await client.invoices.create(body, finalize: finalize).id }
        )
        let created = try await client.invoices.get(id)
        return TransferResult(
            documentType: "invoice",
            lexofficeID: id.rawValue,
            voucherNumber: created.voucherNumber,
            customerNumber: contact.customerNumber,
            lexofficeStatus: created.voucherStatus?.rawValue,
            totalsDifference: TotalsComparison.difference(source: source.totals, lexoffice: created.totalPrice)
        )
    }

    /// Creates the finalized credit note of a cancellation, linked to the cancelled invoice `preceding`.
    func creditNote(
        _ source: SourceInvoice,
        of invoice: StoredSourceInvoice,
        contact: ContactResolver.Resolved,
        cancelling preceding: LexofficeID
    ) async throws -> TransferResult {
        let body = try mapped { () throws(SourceInvoiceMappingError) in
            try source.lexofficeCreditNote(contactID: contact.id)
        }
        let signature = DocumentSignature(body)
        let client = client
        let id = try await steps.run(
            .creditNote,
            fingerprint: TransferFingerprint.of(body),
            of: invoice,
            find: { step in
                try await SalesDocumentFinder(ledger: ledger).find(
                    .creditNote,
                    signature: signature,
                    contactID: contact.id,
                    voucherDate: body.voucherDate,
                    sentAt: step.startedAt,
                    tenant: invoice.tenantID,
                    client: client,
                    read: { DocumentSignature(try await client.creditNotes.get($0)) }
                )
            },
            send: { try await client.creditNotes.create(body, finalize: true, precedingSalesVoucherID: preceding).id }
        )
        let created = try await client.creditNotes.get(id)
        return TransferResult(
            documentType: "credit-note",
            lexofficeID: id.rawValue,
            voucherNumber: created.voucherNumber,
            customerNumber: contact.customerNumber,
            lexofficeStatus: created.voucherStatus?.rawValue,
            totalsDifference: TotalsComparison.difference(source: source.totals, lexoffice: created.totalPrice)
        )
    }

    /// The lexoffice body, or a failed transfer when the stored invoice cannot be mapped.
    private func mapped<Body>(_ map: () throws(SourceInvoiceMappingError) -> Body) throws -> Body {
        do {
            return try map()
        } catch {
            throw TransferProblem.fail("the invoice cannot be sent to lexoffice: \(error.detail)")
        }
    }
}
