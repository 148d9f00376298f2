import LexofficeKit

/// One of lexoffice's sales voucher types (invoices, credit notes …), as the CLI names and reaches it.
protocol SalesVoucherKind: Sendable {
    /// The LexofficeKit endpoint group of the type.
    associatedtype Endpoint: SalesVoucherReading

    /// The command name and path segment, e.g. `credit-notes`.
    static var commandName: String { get }
    /// What one document is called in help texts, e.g. `credit note`.
    static var noun: String { get }
    /// The endpoint group on `client`.
    static func endpoint(of client: LexofficeClient) -> Endpoint
}

/// The reads every sales voucher endpoint group of LexofficeKit offers.
protocol SalesVoucherReading: Sendable {
    /// The document model.
    associatedtype Document: Encodable & Sendable
    /// Reads a document.
    func get(_ id: LexofficeID) async throws -> Document
    /// Downloads the document's file (`/file`).
    func file(_ id: LexofficeID, format: DownloadFormat) async throws -> FileDownload
}

/// The endpoint groups that can also render a PDF (`/document`); down payment invoices cannot.
protocol SalesVoucherRendering: SalesVoucherReading {
    /// Renders the PDF and returns its file id.
    func document(_ id: LexofficeID) async throws -> DocumentFileReference
}

extension InvoicesEndpoint: SalesVoucherRendering {}
extension CreditNotesEndpoint: SalesVoucherRendering {}
extension QuotationsEndpoint: SalesVoucherRendering {}
extension OrderConfirmationsEndpoint: SalesVoucherRendering {}
extension DeliveryNotesEndpoint: SalesVoucherRendering {}
extension DunningsEndpoint: SalesVoucherRendering {}
extension DownPaymentInvoicesEndpoint: SalesVoucherReading {}

/// `/v1/invoices`.
enum InvoiceKind: SalesVoucherKind {
    static let commandName = "invoices"
    static let noun = "invoice"
    static func endpoint(of client: LexofficeClient) -> InvoicesEndpoint { client.invoices }
}

/// `/v1/credit-notes`.
enum CreditNoteKind: SalesVoucherKind {
    static let commandName = "credit-notes"
    static let noun = "credit note"
    static func endpoint(of client: LexofficeClient) -> CreditNotesEndpoint { client.creditNotes }
}

/// `/v1/quotations`.
enum QuotationKind: SalesVoucherKind {
    static let commandName = "quotations"
    static let noun = "quotation"
    static func endpoint(of client: LexofficeClient) -> QuotationsEndpoint { client.quotations }
}

/// `/v1/order-confirmations`.
enum OrderConfirmationKind: SalesVoucherKind {
    static let commandName = "order-confirmations"
    static let noun = "order confirmation"
    static func endpoint(of client: LexofficeClient) -> OrderConfirmationsEndpoint { client.orderConfirmations }
}

/// `/v1/delivery-notes`.
enum DeliveryNoteKind: SalesVoucherKind {
    static let commandName = "delivery-notes"
    static let noun = "delivery note"
    static func endpoint(of client: LexofficeClient) -> DeliveryNotesEndpoint { client.deliveryNotes }
}

/// `/v1/dunnings`.
enum DunningKind: SalesVoucherKind {
    static let commandName = "dunnings"
    static let noun = "dunning"
    static func endpoint(of client: LexofficeClient) -> DunningsEndpoint { client.dunnings }
}

/// `/v1/down-payment-invoices`.
enum DownPaymentInvoiceKind: SalesVoucherKind {
    static let commandName = "down-payment-invoices"
    static let noun = "down payment invoice"
    static func endpoint(of client: LexofficeClient) -> DownPaymentInvoicesEndpoint { client.downPaymentInvoices }
}
