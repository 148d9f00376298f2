import Foundation
import HTTPTypes
import HashTreeCollections
import LexofficeKit

/// What a user does in the lexoffice web app, applied to an organization with the events lexoffice raises.
enum UserActions {
    /// Stores a contact as given (the web app allows several addresses, e-mails and contact persons).
    static func seed(
        _ contact: Contact,
        in organization: inout Organization,
        now: LexofficeDateTime
    ) throws -> LexofficeID {
        var contact = contact
        let id = LexofficeID.random()
        contact.id = id
        contact.organizationId = organization.id
        contact.version = 0
        contact.archived = contact.archived ?? false
        if contact.roles.customer != nil {
            contact.roles.customer = CustomerRole(number: organization.nextCustomerNumber)
            organization.nextCustomerNumber += 1
        }
        if contact.roles.vendor != nil {
            contact.roles.vendor = VendorRole(number: organization.nextVendorNumber)
            organization.nextVendorNumber += 1
        }
        organization.contacts[id] = contact
        organization.recordCreation(ofContact: id, at: now)
        organization.emit(.contactCreated, id, at: now)
        return id
    }

    /// Finalizes a draft: `open`, due date and open amount as if it had been created finalized.
    static func finalize(_ id: LexofficeID, in organization: inout Organization, now: LexofficeDateTime) throws {
        var record = try organization.salesVouchers[id].orThrow(.notFound("Sales voucher"))
        let document = record.document.common
        guard document.voucherStatus == .draft, document.kind.canBeFinalized else {
            throw SandboxProblem(status: .conflict, message: "Only drafts that can be finalized can be finalized.")
        }
        record.document.update { document in
            document.voucherStatus = .open
            document.updatedDate = now
            document.version = (document.version ?? 1) + 1
        }
        if case .invoice(var invoice) = record.document {
            try SalesVoucherBuilder.finalize(&invoice, in: organization)
            record.document = .invoice(invoice)
        }
        let isPayable = [SalesVoucherKind.invoice, .downPaymentInvoice, .creditNote].contains(document.kind)
        if isPayable {
            record.openAmount = record.claimedGrossAmount ?? document.totals?.totalGrossAmount
        }
        organization.salesVouchers[id] = record
        organization.emit(document.kind.event("changed"), id, at: now)
        organization.emit(document.kind.event("status.changed"), id, at: now)
        // Finalizing gives the document an open amount: its payment situation changed (draft → open).
        if isPayable { organization.emit(.paymentChanged, id, at: now) }
    }

    /// Sets a status the way the web app or bank matching does (paid, voided, accepted, rejected, back to draft).
    static func setStatus(
        _ status: VoucherStatus,
        of id: LexofficeID,
        in organization: inout Organization,
        now: LexofficeDateTime
    ) throws {
        var record = try organization.salesVouchers[id].orThrow(.notFound("Sales voucher"))
        let kind = record.document.common.kind
        record.document.update { document in
            document.voucherStatus = status
            document.updatedDate = now
            document.version = (document.version ?? 1) + 1
        }
        switch status {
        case .paid, .paidOff, .voided:
            record.openAmount = 0
            record.paidDate = status == .voided ? nil : now
        case .draft:
            record.openAmount = nil
        default:
            break
        }
        organization.salesVouchers[id] = record
        organization.emit(kind.event("changed"), id, at: now)
        organization.emit(kind.event("status.changed"), id, at: now)
        if [SalesVoucherKind.invoice, .downPaymentInvoice, .creditNote].contains(kind) {
            organization.emit(.paymentChanged, id, at: now)
        }
    }

    /// Registers a payment on a finalized invoice, down payment invoice or credit note.
    static func registerPayment(
        _ item: PaymentItem,
        for id: LexofficeID,
        in organization: inout Organization,
        now: LexofficeDateTime
    ) throws {
        var record = try organization.salesVouchers[id].orThrow(.notFound("Sales voucher"))
        let document = record.document.common
        guard let open = record.openAmount, document.voucherStatus == .open else {
            throw SandboxProblem(status: .conflict, message: "Only open invoices and credit notes take payments.")
        }
        let remaining = max(0, open - (item.amount ?? 0))
        record.openAmount = remaining
        record.paymentItems.append(item)
        organization.emit(.paymentChanged, id, at: now)
        if remaining == 0 {
            record.paidDate = now
            record.document.update { document in
                document.voucherStatus = document.kind == .creditNote ? .paidOff : .paid
                document.updatedDate = now
            }
            organization.emit(document.kind.event("status.changed"), id, at: now)
        }
        organization.salesVouchers[id] = record
    }

    /// Stores a recurring template with computed totals and its schedule state.
    static func createTemplate(
        _ template: RecurringTemplate,
        in organization: inout Organization,
        now: LexofficeDateTime
    )
        -> LexofficeID
    {
        var template = template
        let id = LexofficeID.random()
        let totals = TotalsCalculator().compute(
            lineItems: template.lineItems,
            taxType: template.taxConditions.taxType,
            totalPrice: template.totalPrice
        )
        template.id = id
        template.organizationId = organization.id
        template.createdDate = now
        template.updatedDate = now
        template.version = 1
        template.archived = false
        template.lineItems = totals.lineItems
        template.taxAmounts = totals.taxAmounts
        template.totalPrice = totals.totalPrice
        var settings = template.recurringTemplateSettings ?? RecurringTemplateSettings()
        settings.id = settings.id ?? .random()
        settings.nextExecutionDate = settings.startDate
        settings.executionStatus = settings.startDate == nil ? .paused : .active
        settings.lastExecutionFailed = false
        template.recurringTemplateSettings = settings
        organization.recurringTemplates[id] = template
        organization.emit(.recurringTemplateCreated, id, at: now)
        return id
    }
}
