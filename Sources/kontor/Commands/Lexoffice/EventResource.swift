import LexofficeKit

/// The resource a webhook callback is about, fetched by its event type.
enum EventResource {
    /// Reads the resource of `callback`; `nil` for deletions and events without a readable resource
    /// (`token.revoked`, unknown types).
    static func fetch(for callback: WebhookCallback, with client: LexofficeClient) async throws -> JSONValue? {
        let type = callback.eventType.rawValue
        guard !type.hasSuffix(".deleted"), let kind = type.split(separator: ".").first else { return nil }
        let id = callback.resourceId
        return switch kind {
        case "article": try JSONValue(encoding: try await client.articles.get(id))
        case "contact": try JSONValue(encoding: try await client.contacts.get(id))
        case "credit-note": try JSONValue(encoding: try await client.creditNotes.get(id))
        case "delivery-note": try JSONValue(encoding: try await client.deliveryNotes.get(id))
        case "down-payment-invoice": try JSONValue(encoding: try await client.downPaymentInvoices.get(id))
        case "dunning": try JSONValue(encoding: try await client.dunnings.get(id))
        case "invoice": try JSONValue(encoding: try await client.invoices.get(id))
        case "order-confirmation": try JSONValue(encoding: try await client.orderConfirmations.get(id))
        case "payment": try JSONValue(encoding: try await client.payments(ofVoucher: id))
        case "quotation": try JSONValue(encoding: try await client.quotations.get(id))
        case "recurring-template": try JSONValue(encoding: try await client.recurringTemplates.get(id))
        case "voucher": try JSONValue(encoding: try await client.vouchers.get(id))
        default: nil
        }
    }
}
