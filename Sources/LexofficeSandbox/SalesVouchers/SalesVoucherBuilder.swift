import Foundation
import HTTPTypes
import HashTreeCollections
import LexofficeKit

/// Turns a validated create body into the stored document: ids, dates, status, number, address from the
/// contact, defaults, computed totals and the link to a preceding document.
struct SalesVoucherBuilder {
    let now: LexofficeDateTime
    /// Refuse dunnings for invoices that are not overdue (``SandboxConfiguration/dunningRequiresOverdueInvoice``).
    var dunningRequiresOverdueInvoice = false
    let calculator = TotalsCalculator()

    /// Prepares `document` and stores it (and the updated predecessor) in `organization`; returns the new id.
    func create(
        _ document: any SimulatedSalesDocument,
        finalize: Bool,
        predecessorID: LexofficeID?,
        in organization: inout Organization
    ) throws -> LexofficeID {
        var document = document
        let kind = document.kind
        let id = LexofficeID.random()
        var predecessor: SalesVoucherRecord?
        if let predecessorID {
            let found = try organization.salesVouchers[predecessorID].orThrow(
                SandboxProblem(
                    status: .notAcceptable,
                    message: "The preceding sales voucher does not exist.",
                    details: [
                        RegularErrorDetail(violation: "INVALID", field: "precedingSalesVoucherId", message: "unbekannt")
                    ]
                )
            )
            try SalesVoucherPursuit.check(found, for: kind, in: organization)
            if kind == .dunning, dunningRequiresOverdueInvoice {
                try SalesVoucherPursuit.checkOverdue(found, today: now.localDay)
            }
            predecessor = found
        }
        document.id = id
        document.organizationId = organization.id
        document.createdDate = now
        document.updatedDate = now
        document.version = 1
        document.archived = false
        document.language = document.language ?? "de"
        document.voucherStatus = finalize && kind.canBeFinalized ? .open : .draft
        document.title = document.title ?? kind.title
        document.printLayoutId = document.printLayoutId ?? SeedData.printLayouts.first { $0.default == true }?.id
        document.files = nil
        document.electronicDocumentProfile = .regular
        if let prefix = kind.numberPrefix {
            let next = organization.nextVoucherNumbers[prefix, default: 1]
            organization.nextVoucherNumbers[prefix] = next + 1
            document.number = prefix + String(format: "%04d", next)
        }
        fillAddress(of: &document, from: organization)
        if kind.hasTotals {
            let result = calculator.compute(
                lineItems: document.lineItems,
                taxType: document.taxConditions.taxType,
                totalPrice: document.totals
            )
            document.lineItems = result.lineItems
            document.taxAmounts = result.taxAmounts
            document.totals = result.totalPrice
        }
        document.relatedVouchers = []
        var record = SalesVoucherRecord(document: try applyTypeRules(document.stored, organization: organization))
        if let predecessorID, var predecessor {
            let before = predecessor
            try link(&record, to: &predecessor, predecessorID: predecessorID)
            organization.salesVouchers[predecessorID] = predecessor
            emitChanges(from: before, to: predecessor, id: predecessorID, in: &organization)
        }
        record.openAmount = Self.initialOpenAmount(of: record.document)
        if case .creditNote(let creditNote) = record.document, creditNote.voucherStatus == .paidOff {
            record.openAmount = 0
        }
        organization.salesVouchers[id] = record
        organization.emit(kind.event("created"), id, at: now)
        return id
    }

    /// The events of a changed predecessor: changed, and where it applies status and payment changes.
    private func emitChanges(
        from before: SalesVoucherRecord,
        to after: SalesVoucherRecord,
        id: LexofficeID,
        in organization: inout Organization
    ) {
        let kind = after.document.common.kind
        organization.emit(kind.event("changed"), id, at: now)
        if before.document.common.voucherStatus != after.document.common.voucherStatus {
            organization.emit(kind.event("status.changed"), id, at: now)
        }
        if before.paymentItems.count != after.paymentItems.count {
            organization.emit(.paymentChanged, id, at: now)
        }
    }

    /// Rules only some types have: invoice due dates and payment defaults, dunnings' fixed draft state.
    private func applyTypeRules(
        _ stored: StoredSalesDocument,
        organization: Organization
    ) throws -> StoredSalesDocument {
        switch stored {
        case .invoice(var invoice):
            invoice.closingInvoice = false
            invoice.recurringTemplateId = nil  // read-only; set by a recurring run after creation
            invoice.paymentConditions = Self.withDefaults(invoice.paymentConditions)
            if invoice.voucherStatus == .open {
                try Self.finalize(&invoice, in: organization)
            } else {
                invoice.dueDate = nil
            }
            return .invoice(invoice)
        case .quotation(var quotation):
            quotation.paymentConditions = Self.withDefaults(quotation.paymentConditions)
            return .quotation(quotation)
        case .orderConfirmation(var confirmation):
            confirmation.paymentConditions = Self.withDefaults(confirmation.paymentConditions)
            return .orderConfirmation(confirmation)
        default:
            return stored
        }
    }

    /// Records the relation on both sides; a finalized credit note for an invoice settles it at once.
    private func link(
        _ record: inout SalesVoucherRecord,
        to predecessor: inout SalesVoucherRecord,
        predecessorID: LexofficeID
    ) throws {
        let new = record.document.common
        let old = predecessor.document.common
        record.document.update { document in
            document.relatedVouchers = [
                RelatedVoucher(id: predecessorID, voucherType: old.kind.voucherType, voucherNumber: old.number)
            ]
        }
        if case .dunning(var dunning) = record.document {
            guard dunning.address.contactId == old.address.contactId else {
                throw SandboxProblem.validation([
                    .invalid("address.contactId", "muss dem Kontakt der Rechnung entsprechen")
                ])
            }
            guard dunning.taxConditions.taxType == old.taxConditions.taxType else {
                throw SandboxProblem.validation([.invalid("taxConditions.taxType", "muss der Rechnung entsprechen")])
            }
            dunning.address.name = old.address.name
            record.document = .dunning(dunning)
        }
        predecessor.document.update { document in
            document.relatedVouchers =
                (document.relatedVouchers ?? [])
                + [
                    RelatedVoucher(
                        id: new.id ?? predecessorID,
                        voucherType: new.kind.voucherType,
                        voucherNumber: new.number
                    )
                ]
            document.updatedDate = now
            document.version = (document.version ?? 1) + 1
        }
        guard case .creditNote = record.document, new.voucherStatus == .open,
            let gross = new.totals?.totalGrossAmount
        else { return }
        record.document.update { $0.voucherStatus = .paidOff }
        let remaining = max(0, (predecessor.openAmount ?? 0) - gross)
        predecessor.openAmount = remaining
        predecessor.paymentItems.append(
            PaymentItem(paymentItemType: .partPaymentCreditNote, postingDate: now, amount: gross, currency: .euro)
        )
        if remaining == 0 {
            predecessor.document.update { $0.voucherStatus = .paid }
            predecessor.paidDate = now
        }
    }

    /// Copies the contact's billing (delivery notes: shipping) address into fields the body left empty.
    private func fillAddress(of document: inout any SimulatedSalesDocument, from organization: Organization) {
        guard let contactID = document.address.contactId, let contact = organization.contacts[contactID] else { return }
        let preferred =
            document.kind == .deliveryNote
            ? (contact.addresses?.shipping?.first ?? contact.addresses?.billing?.first)
            : contact.addresses?.billing?.first
        var address = document.address
        address.name = address.name ?? ContactRoutes.name(of: contact)
        address.supplement = address.supplement ?? preferred?.supplement
        address.street = address.street ?? preferred?.street
        address.zip = address.zip ?? preferred?.zip
        address.city = address.city ?? preferred?.city
        address.countryCode = address.countryCode ?? preferred?.countryCode ?? "DE"
        if let person = contact.company?.contactPersons?.first(where: { $0.primary == true }) {
            address.contactPerson = [person.firstName, person.lastName].compactMap { $0 }.joined(separator: " ")
        }
        document.address = address
    }

    /// Payment conditions with the organization's default filled in.
    private static func withDefaults(_ conditions: PaymentConditions?) -> PaymentConditions {
        let standard = SeedData.paymentConditions.first { $0.organizationDefault == true }
        var conditions = conditions ?? PaymentConditions()
        let duration = conditions.paymentTermDuration ?? standard?.paymentTermDuration ?? 14
        conditions.paymentTermDuration = duration
        let template =
            conditions.paymentTermLabel ?? standard?.paymentTermLabelTemplate ?? "Zahlbar in {paymentRange} Tagen"
        conditions.paymentTermLabelTemplate = template
        conditions.paymentTermLabel = template.replacingOccurrences(of: "{paymentRange}", with: String(duration))
        return conditions
    }

    /// What finalizing does to an invoice: the due date, and the XRechnung profile for an e-invoice contact,
    /// which lexoffice grants only when the organization's own data is complete (checked on finalization only).
    /// - Throws: 406 naming the organization's missing fields.
    static func finalize(_ invoice: inout Invoice, in organization: Organization) throws {
        let days = invoice.paymentConditions?.paymentTermDuration ?? 0
        invoice.dueDate = LexofficeDateTime(localMidnightOf: invoice.voucherDate.localDay.adding(days: days))
        guard isXRechnung(invoice, contacts: organization.contacts) else { return }
        let failures = organization.company.xRechnungFailures(companyName: organization.profile.companyName)
        guard failures.isEmpty else { throw SandboxProblem.validation(failures) }
        invoice.electronicDocumentProfile = .xRechnung
    }

    /// An invoice for a contact with Leitweg-ID and supplier number becomes an XRechnung unless opted out.
    private static func isXRechnung(_ invoice: Invoice, contacts: TreeDictionary<LexofficeID, Contact>) -> Bool {
        guard let contactID = invoice.address.contactId, let xRechnung = contacts[contactID]?.xRechnung,
            xRechnung.buyerReference?.isEmpty == false, xRechnung.vendorNumberAtCustomer?.isEmpty == false
        else { return false }
        return invoice.xRechnung?.buyerReference != ""
    }

    /// Open amount right after creation: the gross total of finalized payable documents.
    private static func initialOpenAmount(of document: StoredSalesDocument) -> Decimal? {
        let common = document.common
        guard common.voucherStatus == .open else { return nil }
        switch document {
        case .invoice, .downPaymentInvoice, .creditNote: return common.totals?.totalGrossAmount
        default: return nil
        }
    }
}
