import Foundation
import HashTreeCollections
import LexofficeKit

/// Builds the voucherlist's view of everything an organization holds: sales vouchers (dunnings excluded) and
/// bookkeeping vouchers, with `overdue` computed for today.
enum VoucherListEntries {
    static func all(in organization: Organization, today: PlainDate) -> [VoucherListItem] {
        let sales = organization.salesVouchers.values.compactMap { record -> VoucherListItem? in
            let document = record.document.common
            guard document.kind != .dunning, let id = document.id, let status = document.voucherStatus else {
                return nil
            }
            let dueDate: LexofficeDateTime? =
                switch record.document {
                case .invoice(let invoice): invoice.dueDate
                case .downPaymentInvoice(let invoice): invoice.dueDate
                default: nil
                }
            return VoucherListItem(
                id: id,
                voucherType: document.kind.voucherType,
                voucherStatus: effectiveStatus(status, dueDate: dueDate, today: today),
                voucherNumber: document.number,
                voucherDate: document.voucherDate,
                createdDate: document.createdDate,
                updatedDate: document.updatedDate,
                dueDate: dueDate,
                contactId: document.address.contactId,
                contactName: document.address.name,
                totalAmount: document.totals?.totalGrossAmount,
                openAmount: record.openAmount,
                currency: .euro,
                archived: document.archived ?? false
            )
        }
        let bookkeeping = organization.vouchers.values.compactMap { voucher -> VoucherListItem? in
            guard let id = voucher.id, let status = voucher.voucherStatus, status != .blank else { return nil }
            let dueDate = voucher.dueDate.map(Self.dateTime)
            return VoucherListItem(
                id: id,
                voucherType: voucher.type,
                voucherStatus: effectiveStatus(status, dueDate: dueDate, today: today),
                voucherNumber: voucher.voucherNumber,
                voucherDate: voucher.voucherDate.map(Self.dateTime),
                createdDate: voucher.createdDate,
                updatedDate: voucher.updatedDate,
                dueDate: dueDate,
                contactId: voucher.useCollectiveContact == true ? nil : voucher.contactId,
                contactName: contactName(of: voucher, in: organization),
                totalAmount: voucher.totalGrossAmount,
                openAmount: status == .open ? voucher.totalGrossAmount : (status == .unchecked ? nil : 0),
                currency: .euro,
                archived: false
            )
        }
        return sales + bookkeeping
    }

    /// `open`/`sepadebit` with a due date before today show as `overdue`.
    static func effectiveStatus(_ status: VoucherStatus, dueDate: LexofficeDateTime?, today: PlainDate) -> VoucherStatus
    {
        guard status == .open || status == .sepaDebit, let dueDate, dueDate.localDay < today else { return status }
        return .overdue
    }

    private static func contactName(of voucher: Voucher, in organization: Organization) -> String {
        if voucher.useCollectiveContact == true || voucher.contactId == nil {
            let isSale = voucher.type == .salesInvoice || voucher.type == .salesCreditNote
            return voucher.contactName ?? (isSale ? "Sammelkunde" : "Sammellieferant")
        }
        return voucher.contactId.flatMap { organization.contacts[$0] }.map(ContactRoutes.name(of:)) ?? ""
    }

    private static func dateTime(_ date: BookkeepingDate) -> LexofficeDateTime {
        switch date {
        case .dateTime(let value): value
        case .day(let day): LexofficeDateTime(localMidnightOf: day)
        }
    }
}
