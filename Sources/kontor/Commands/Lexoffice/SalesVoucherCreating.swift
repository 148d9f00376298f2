import LexofficeKit

/// The sales voucher endpoint groups that create documents: all but down payment invoices.
///
/// Their create calls differ (quotations follow nothing, dunnings always follow an invoice and stay drafts); this
/// protocol gives them one shape and states the rules, which `create` checks before sending.
protocol SalesVoucherCreating: SalesVoucherReading where Document: Decodable {
    /// Whether lexoffice can create the document finalized (`finalize=true`).
    static var canFinalize: Bool { get }
    /// Whether the document may, must or cannot follow another voucher (`precedingSalesVoucherId`).
    static var precedingVoucher: PrecedingVoucherRule { get }
    /// Creates a document.
    func create(
        _ document: Document,
        finalize: Bool,
        precedingSalesVoucherID: LexofficeID?
    ) async throws
        -> ActionResult
}

/// Whether a sales voucher type is created after another voucher (lexoffice's "pursue" action).
enum PrecedingVoucherRule: Sendable {
    /// It cannot follow one.
    case never
    /// It may follow one.
    case optional
    /// It must follow one.
    case required
}

extension InvoicesEndpoint: SalesVoucherCreating {
    static let canFinalize = true
    static let precedingVoucher = PrecedingVoucherRule.optional
}

extension CreditNotesEndpoint: SalesVoucherCreating {
    static let canFinalize = true
    static let precedingVoucher = PrecedingVoucherRule.optional
}

extension OrderConfirmationsEndpoint: SalesVoucherCreating {
    static let canFinalize = true
    static let precedingVoucher = PrecedingVoucherRule.optional
}

extension DeliveryNotesEndpoint: SalesVoucherCreating {
    static let canFinalize = true
    static let precedingVoucher = PrecedingVoucherRule.optional
}

extension QuotationsEndpoint: SalesVoucherCreating {
    static let canFinalize = true
    static let precedingVoucher = PrecedingVoucherRule.never

    /// Creates a quotation; `precedingSalesVoucherID` is always `nil` (``precedingVoucher`` is `never`).
    func create(
        _ quotation: Quotation,
        finalize: Bool,
        precedingSalesVoucherID: LexofficeID?
    ) async throws
        -> ActionResult
    {
        try await create(quotation, finalize: finalize)
    }
}

extension DunningsEndpoint: SalesVoucherCreating {
    static let canFinalize = false
    static let precedingVoucher = PrecedingVoucherRule.required

    /// Creates a dunning; `precedingSalesVoucherID` is never `nil` (``precedingVoucher`` is `required`).
    func create(
        _ dunning: Dunning,
        finalize: Bool,
        precedingSalesVoucherID: LexofficeID?
    ) async throws
        -> ActionResult
    {
        guard let precedingSalesVoucherID else {
            throw CommandFailure("a dunning needs --preceding with the invoice's id", status: .usage)
        }
        return try await create(dunning, precedingSalesVoucherID: precedingSalesVoucherID)
    }
}
