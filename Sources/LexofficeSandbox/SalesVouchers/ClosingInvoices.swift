import Foundation
import HashTreeCollections
import LexofficeKit

/// Closing invoices (Schlussrechnungen): invoices that deduct down payment invoices. The API can only read them
/// (`closingInvoice`, `claimedGrossAmount`, `downPaymentDeductions`); the sandbox creates them the way the web
/// app does, through `POST /_sandbox/closing-invoices`.
enum ClosingInvoices {
    /// Creates a closing invoice from `invoice` that deducts the down payment invoices `downPaymentIDs`, and
    /// points each of them at it (`closingInvoiceId`). Both sides list each other in `relatedVouchers`.
    ///
    /// A deduction is what was received for the down payment (its gross total less its open amount), split into
    /// net and tax at the down payment's rate. `claimedGrossAmount` = the invoice's gross total − the received
    /// amounts; it is also the closing invoice's open amount once finalized.
    /// - Throws: 406 for an invalid invoice, no or repeated down payments, or one for another contact; 404 for an
    ///   unknown down payment invoice; 409 for a draft or voided one, or one another closing invoice deducted.
    static func create(
        _ invoice: Invoice,
        deducting downPaymentIDs: [LexofficeID],
        finalize: Bool,
        in organization: inout Organization,
        now: LexofficeDateTime
    ) throws -> LexofficeID {
        guard !downPaymentIDs.isEmpty, Set(downPaymentIDs).count == downPaymentIDs.count else {
            throw SandboxProblem.validation([.invalid("downPaymentInvoiceIds", "mindestens eine, jede nur einmal")])
        }
        let downPayments = try downPaymentIDs.map { id in
            try downPayment(id, for: invoice, in: organization)
        }
        let failures = SalesVoucherValidation(kind: .invoice, organization: organization).failures(in: invoice)
        guard failures.isEmpty else { throw SandboxProblem.validation(failures) }
        let id = try SalesVoucherBuilder(now: now).create(
            invoice,
            finalize: finalize,
            predecessorID: nil,
            in: &organization
        )
        var record = try organization.salesVouchers[id].orThrow(.notFound("Invoice"))
        guard case .invoice(var closing) = record.document else { throw SandboxProblem.notFound("Invoice") }
        let deductions = downPayments.map { deduction(for: $0.invoice, record: $0.record) }
        let received = deductions.reduce(Decimal(0)) { $0 + ($1.receivedGrossAmount ?? 0) }
        let claimed = (closing.totalPrice.totalGrossAmount ?? 0) - received
        closing.closingInvoice = true
        closing.downPaymentDeductions = deductions
        closing.claimedGrossAmount = claimed
        closing.relatedVouchers = deductions.map {
            RelatedVoucher(id: $0.id, voucherType: .downPaymentInvoice, voucherNumber: $0.voucherNumber)
        }
        record.document = .invoice(closing)
        if record.openAmount != nil { record.openAmount = max(0, claimed) }
        organization.salesVouchers[id] = record
        for var downPayment in downPayments {
            downPayment.invoice.closingInvoiceId = id
            downPayment.invoice.relatedVouchers =
                (downPayment.invoice.relatedVouchers ?? [])
                + [RelatedVoucher(id: id, voucherType: .invoice, voucherNumber: closing.voucherNumber)]
            downPayment.invoice.version = (downPayment.invoice.version ?? 1) + 1
            downPayment.invoice.updatedDate = now
            downPayment.record.document = .downPaymentInvoice(downPayment.invoice)
            organization.salesVouchers[downPayment.id] = downPayment.record
            organization.emit(SalesVoucherKind.downPaymentInvoice.event("changed"), downPayment.id, at: now)
        }
        return id
    }

    private struct DownPayment {
        var id: LexofficeID
        var record: SalesVoucherRecord
        var invoice: DownPaymentInvoice
    }

    private static func downPayment(
        _ id: LexofficeID,
        for invoice: Invoice,
        in organization: Organization
    ) throws -> DownPayment {
        let record = try organization.salesVouchers[id].orThrow(.notFound("Down payment invoice"))
        guard case .downPaymentInvoice(let downPayment) = record.document else {
            throw SandboxProblem.notFound("Down payment invoice")
        }
        guard downPayment.voucherStatus == .open || downPayment.voucherStatus == .paid else {
            throw SandboxProblem.conflict("Only finalized, not voided down payment invoices can be deducted.")
        }
        guard downPayment.closingInvoiceId == nil else {
            throw SandboxProblem.conflict("The down payment invoice is deducted by another closing invoice already.")
        }
        guard downPayment.address.contactId == invoice.address.contactId else {
            throw SandboxProblem.validation([
                .invalid("address.contactId", "muss dem Kontakt der Abschlagsrechnungen entsprechen")
            ])
        }
        return DownPayment(id: id, record: record, invoice: downPayment)
    }

    /// The deduction of one down payment: what was received for it, at its (single line's) tax rate.
    private static func deduction(for invoice: DownPaymentInvoice, record: SalesVoucherRecord) -> DownPaymentDeduction {
        let gross = invoice.totalPrice.totalGrossAmount ?? 0
        let received = max(0, gross - (record.openAmount ?? 0))
        let rate = invoice.lineItems.first?.unitPrice?.taxRatePercentage ?? 0
        let net = (received * 100 / (100 + rate)).rounded(scale: 2)
        return DownPaymentDeduction(
            id: invoice.id ?? .random(),
            voucherType: .downPaymentInvoice,
            title: invoice.title,
            voucherNumber: invoice.voucherNumber,
            voucherDate: invoice.voucherDate,
            receivedGrossAmount: received,
            receivedNetAmount: net,
            receivedTaxAmount: received - net,
            taxRatePercentage: rate
        )
    }
}
