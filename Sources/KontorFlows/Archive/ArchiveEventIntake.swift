import Foundation
import KontorCore
import LexofficeKit

/// Queues the archiving of a lexoffice document when lexoffice reports it created or changed (`*.created`,
/// `*.changed`, `*.status.changed` of the sales document types, `voucher.*`), while the tenant's archive is active
/// and archives that type. The document is read when the job runs (``DocumentArchiving``), so an event costs no
/// lexoffice request here.
package struct ArchiveEventIntake: LexofficeEventHandling {
    private let records: any ArchiveRecords

    /// Requests into `records`.
    package init(records: any ArchiveRecords) {
        self.records = records
    }

    /// The document type an event is about, `nil` for events the archive does not act on (deletions among them).
    package static func documentType(of eventType: String) -> ArchiveDocumentType? {
        guard !eventType.hasSuffix(".deleted") else { return nil }
        let resource = eventType.split(separator: ".").first.map(String.init) ?? ""
        switch resource {
        case "invoice": return .invoice
        case "credit-note": return .creditNote
        case "order-confirmation": return .orderConfirmation
        case "quotation": return .quotation
        case "delivery-note": return .deliveryNote
        case "dunning": return .dunning
        case "down-payment-invoice": return .downPaymentInvoice
        case "voucher": return .voucher
        default: return nil
        }
    }

    /// The lexoffice events the archive needs subscribed for `types`: each type's creation and status changes
    /// (`*.changed` fires for the same changes and is not needed; dunnings have no status events).
    package static func events(for types: [ArchiveDocumentType]) -> [EventType] {
        types.flatMap { type -> [EventType] in
            switch type {
            case .invoice: [.invoiceCreated, .invoiceStatusChanged]
            case .creditNote: [.creditNoteCreated, .creditNoteStatusChanged]
            case .orderConfirmation: [.orderConfirmationCreated, .orderConfirmationStatusChanged]
            case .quotation: [.quotationCreated, .quotationStatusChanged]
            case .deliveryNote: [.deliveryNoteCreated, .deliveryNoteStatusChanged]
            case .dunning: [.dunningCreated]
            case .downPaymentInvoice: [.downPaymentInvoiceCreated, .downPaymentInvoiceStatusChanged]
            case .voucher: [.voucherCreated, .voucherStatusChanged]
            }
        }
    }

    package func handle(
        _ eventType: String,
        resourceID: String,
        occurredAt: Date?,
        of tenant: TenantID,
        under claim: JobClaim
    ) async throws {
        guard let type = Self.documentType(of: eventType),
            let settings = try await records.settings(of: tenant), settings.isActive,
            settings.documentTypes.contains(type)
        else { return }
        let moment = occurredAt.map { String($0.millisecondsSince1970) } ?? "undated"
        try await records.request(
            ArchiveRequest(lexofficeID: resourceID, type: type),
            of: tenant,
            trigger: "event-\(eventType)-\(moment)",
            under: claim
        )
    }
}
