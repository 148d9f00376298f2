import Foundation
import HTTPTypes
import HashTreeCollections
import LexofficeKit

/// The payment status lexoffice reports for a voucher (`payments.md`).
enum PaymentView {
    /// The payment of voucher `id`; 404 when unknown, 406 for drafts and documents without payment data.
    static func payment(of id: LexofficeID, in organization: Organization) throws -> Payment {
        if let record = organization.salesVouchers[id] {
            return try salesPayment(record)
        }
        guard let voucher = organization.vouchers[id] else { throw SandboxProblem.notFound("Voucher") }
        guard let status = voucher.voucherStatus, status != .unchecked, status != .blank else { throw noPaymentData }
        // payments.md: the status follows the voucher's side — sales vouchers (credit notes included) are
        // revenue, purchase vouchers (credit notes included) expense.
        let isRevenue = voucher.type == .salesInvoice || voucher.type == .salesCreditNote
        let open: Decimal = status == .open ? (voucher.totalGrossAmount ?? 0) : 0
        return Payment(
            openAmount: open,
            currency: .euro,
            paymentStatus: open == 0 ? .balanced : (isRevenue ? .openRevenue : .openExpense),
            voucherType: voucher.type,
            voucherStatus: status,
            paymentItems: []
        )
    }

    private static func salesPayment(_ record: SalesVoucherRecord) throws -> Payment {
        let document = record.document.common
        let kind = document.kind
        guard [SalesVoucherKind.invoice, .downPaymentInvoice, .creditNote].contains(kind),
            let status = document.voucherStatus, status != .draft
        else { throw noPaymentData }
        let isLinkedCreditNote = kind == .creditNote && !(document.relatedVouchers ?? []).isEmpty
        guard !isLinkedCreditNote else { throw noPaymentData }
        let open = status == .voided ? 0 : (record.openAmount ?? 0)
        let isSettled = status == .paid || status == .paidOff
        return Payment(
            openAmount: open,
            currency: .euro,
            // payments.md: "an open (sales) credit note is `openRevenue`".
            paymentStatus: open == 0 ? .balanced : .openRevenue,
            voucherType: kind.voucherType,
            voucherStatus: status,
            paidDate: isSettled ? record.paidDate : nil,
            paymentItems: record.paymentItems
        )
    }

    private static let noPaymentData = SandboxProblem(
        status: .notAcceptable,
        message: "No payment information is available for this voucher."
    )
}
