import Foundation
import LexofficeKit

/// What the simulator needs from every sales voucher model: the shared properties and its kind.
protocol SimulatedSalesDocument: Codable, Sendable {
    static var kind: SalesVoucherKind { get }
    var id: LexofficeID? { get set }
    var organizationId: LexofficeID? { get set }
    var createdDate: LexofficeDateTime? { get set }
    var updatedDate: LexofficeDateTime? { get set }
    var version: Int? { get set }
    var language: String? { get set }
    var archived: Bool? { get set }
    var voucherStatus: VoucherStatus? { get set }
    var number: String? { get set }
    var voucherDate: LexofficeDateTime { get }
    var address: SalesVoucherAddress { get set }
    var electronicDocumentProfile: ElectronicDocumentProfile? { get set }
    var lineItems: [LineItem] { get set }
    var totals: TotalPrice? { get set }
    var taxAmounts: [TaxAmount]? { get set }
    var taxConditions: TaxConditions { get }
    var shipping: ShippingConditions? { get }
    var relatedVouchers: [RelatedVoucher]? { get set }
    var printLayoutId: LexofficeID? { get set }
    var title: String? { get set }
    var introduction: String? { get }
    var remark: String? { get }
    var files: DocumentFileReference? { get set }
    /// This document wrapped for storage.
    var stored: StoredSalesDocument { get }
}

extension SimulatedSalesDocument {
    var kind: SalesVoucherKind { Self.kind }
}

/// A sales voucher model with its own `voucherNumber` (all but dunnings).
protocol NumberedSalesDocument {
    var voucherNumber: String? { get set }
}

extension SimulatedSalesDocument where Self: NumberedSalesDocument {
    var number: String? {
        get { voucherNumber }
        set { voucherNumber = newValue }
    }
}

/// A sales voucher model with a `totalPrice` (all but delivery notes).
protocol PricedSalesDocument {
    var totalPrice: TotalPrice { get set }
}

extension SimulatedSalesDocument where Self: PricedSalesDocument {
    var totals: TotalPrice? {
        get { totalPrice }
        set { if let newValue { totalPrice = newValue } }
    }
}

extension Invoice: SimulatedSalesDocument, NumberedSalesDocument, PricedSalesDocument {
    static let kind = SalesVoucherKind.invoice
    var shipping: ShippingConditions? { shippingConditions }
    var stored: StoredSalesDocument { .invoice(self) }
}

extension CreditNote: SimulatedSalesDocument, NumberedSalesDocument, PricedSalesDocument {
    static let kind = SalesVoucherKind.creditNote
    var shipping: ShippingConditions? { nil }
    var stored: StoredSalesDocument { .creditNote(self) }
}

extension Quotation: SimulatedSalesDocument, NumberedSalesDocument, PricedSalesDocument {
    static let kind = SalesVoucherKind.quotation
    var shipping: ShippingConditions? { nil }
    var stored: StoredSalesDocument { .quotation(self) }
}

extension OrderConfirmation: SimulatedSalesDocument, NumberedSalesDocument, PricedSalesDocument {
    static let kind = SalesVoucherKind.orderConfirmation
    var shipping: ShippingConditions? { shippingConditions }
    var stored: StoredSalesDocument { .orderConfirmation(self) }
}

extension DeliveryNote: SimulatedSalesDocument, NumberedSalesDocument {
    static let kind = SalesVoucherKind.deliveryNote
    var totals: TotalPrice? {
        get { nil }
        set {}  // delivery notes carry no prices
    }
    var taxAmounts: [TaxAmount]? {
        get { nil }
        set {}  // delivery notes carry no prices
    }
    var shipping: ShippingConditions? { shippingConditions }
    var stored: StoredSalesDocument { .deliveryNote(self) }
}

extension Dunning: SimulatedSalesDocument, PricedSalesDocument {
    static let kind = SalesVoucherKind.dunning
    var number: String? {
        get { nil }
        set {}  // dunnings have no number of their own
    }
    var shipping: ShippingConditions? { shippingConditions }
    var stored: StoredSalesDocument { .dunning(self) }
}

extension DownPaymentInvoice: SimulatedSalesDocument, NumberedSalesDocument, PricedSalesDocument {
    static let kind = SalesVoucherKind.downPaymentInvoice
    var shipping: ShippingConditions? { shippingConditions }
    var stored: StoredSalesDocument { .downPaymentInvoice(self) }
}
