import Foundation
import KontorCore
import LexofficeKit

/// Creates the lexoffice document of a source invoice (an invoice, or for a cancellation a credit note linked to
/// the original, or naming it when the original is a draft) as one exactly-once step, then reads it back once for
/// its number, status and totals.
struct SalesDocumentTransfer: Sendable {
    let records: any TransferRecords
    let steps: TransferStepRunner
    let client: LexofficeClient

    /// Creates the invoice, a draft unless `finalize`.
    func invoice(
        _ source: SourceInvoice,
        of invoice: StoredSourceInvoice,
        contact: ContactResolver.Resolved,
        finalize: Bool
    ) async throws -> TransferResult {
        let body = try FlowProblem.mapped { () throws(SourceInvoiceMappingError) in
            try source.lexofficeInvoice(contactID: contact.id)
        }
        let client = client
        let id = try await create(
            .invoice,
            as: .invoice,
            signature: DocumentSignature(body),
            fingerprint: TransferFingerprint.of(body),
            voucherDate: body.voucherDate,
            contact: contact,
            of: invoice,
            read: { DocumentSignature(try await client.invoices.get($0)) },
            send: { try await client.invoices.create(body, finalize: finalize).id }
        )
        let created = try await client.invoices.get(id)
        return result("invoice", id, created.voucherNumber, created.voucherStatus, created.totalPrice, source, contact)
    }

    /// Creates the credit note of a cancellation, a draft unless `finalize`, linked to the cancelled invoice or
    /// naming it.
    func creditNote(
        _ source: SourceInvoice,
        of invoice: StoredSourceInvoice,
        contact: ContactResolver.Resolved,
        cancelling original: CancelledOriginal,
        finalize: Bool
    ) async throws -> TransferResult {
        var body = try FlowProblem.mapped { () throws(SourceInvoiceMappingError) in
            try source.lexofficeCreditNote(contactID: contact.id)
        }
        // Taken before the original is named: whether the credit note is linked or names the original may change
        // between attempts (the original finalized meanwhile), and a step done under either is this credit note.
        let fingerprint = TransferFingerprint.of(body)
        let preceding: LexofficeID?
        switch original {
        case .linked(let id):
            preceding = id
        case .standalone(let number):
            preceding = nil
            body.introduction = try Self.introduction(naming: number, before: body.introduction)
        }
        let client = client
        let id = try await create(
            .creditNote,
            as: .creditNote,
            signature: DocumentSignature(body),
            fingerprint: fingerprint,
            voucherDate: body.voucherDate,
            contact: contact,
            of: invoice,
            read: { DocumentSignature(try await client.creditNotes.get($0)) },
            send: { [body] in
                try await client.creditNotes.create(body, finalize: finalize, precedingSalesVoucherID: preceding).id
            }
        )
        let created = try await client.creditNotes.get(id)
        return result(
            "credit-note",
            id,
            created.voucherNumber,
            created.voucherStatus,
            created.totalPrice,
            source,
            contact
        )
    }

    /// The introduction of a credit note that cannot be linked to the invoice it credits: a line naming the invoice,
    /// then the source's own introduction.
    /// - Throws: ``FlowProblem`` `invoice-not-mappable` when both together exceed lexoffice's 2,000 characters.
    static func introduction(naming number: String, before introduction: String?) throws -> String {
        let text = ["Gutschrift zur Rechnung \(number)", introduction].compactMap { $0 }.joined(separator: "\n")
        guard text.count <= 2000 else {
            throw FlowProblem(
                .notMappable,
                "the credit note names the cancelled invoice in its introduction, which then exceeds 2000 characters"
            )
        }
        return text
    }

    /// Runs the create as a step; a document in doubt is looked for among the voucherlist's `type` documents.
    private func create(
        _ step: TransferStep.Name,
        as type: VoucherType,
        signature: DocumentSignature,
        fingerprint: String,
        voucherDate: LexofficeDateTime,
        contact: ContactResolver.Resolved,
        of invoice: StoredSourceInvoice,
        read: @escaping @Sendable (LexofficeID) async throws -> DocumentSignature,
        send: @escaping @Sendable () async throws -> LexofficeID
    ) async throws -> LexofficeID {
        let finder = SalesDocumentFinder(records: records)
        let client = client
        return try await steps.run(
            step,
            fingerprint: fingerprint,
            of: invoice,
            find: { doubtful in
                try await finder.find(
                    type,
                    signature: signature,
                    contactID: contact.id,
                    voucherDate: voucherDate,
                    sentAt: doubtful.startedAt,
                    tenant: invoice.tenantID,
                    client: client,
                    read: read
                )
            },
            send: send
        )
    }

    /// What the transfer produced, with lexoffice's totals compared to the source's.
    private func result(
        _ documentType: String,
        _ id: LexofficeID,
        _ voucherNumber: String?,
        _ status: VoucherStatus?,
        _ totals: TotalPrice,
        _ source: SourceInvoice,
        _ contact: ContactResolver.Resolved
    ) -> TransferResult {
        TransferResult(
            documentType: documentType,
            lexofficeID: id.rawValue,
            voucherNumber: voucherNumber,
            customerNumber: contact.customerNumber,
            lexofficeStatus: status?.rawValue,
            totalsDifference: TotalsComparison.difference(source: source.totals, lexoffice: totals)
        )
    }
}
