import EInvoiceKit
import Foundation
import LexofficeKit

/// The bookkeeping voucher a read e-invoice becomes (issue 26), before its contact is known: the type by direction
/// and document type, one item per tax rate and posting category, amounts `net` as EN 16931 states them (taxable
/// amount and tax per rate), the totals of the invoice; for sales the delivery date (`shippingDate`, which
/// lexoffice takes on `salesinvoice`/`salescreditnote` only).
///
/// Built only when lexoffice can take the invoice as it is; otherwise ``VoucherPlan/init(_:direction:settings:)``
/// throws a ``VoucherRefusal`` that says why, and the document is uploaded as a file instead: never guessed.
struct VoucherPlan: Sendable, Equatable {
    var type: VoucherType
    var number: String
    var date: PlainDate
    var dueDate: PlainDate?
    /// The "Leistungsdatum" of a sales voucher: the invoice's delivery date, else its invoicing period's end.
    var shippingDate: PlainDate?
    var items: [VoucherItem]
    var totalGross: Decimal
    var totalTax: Decimal
    /// Whether a posting category needs a real contact (reverse charge, intra-community, export).
    var needsContact: Bool

    /// The rates lexoffice's bookkeeping vouchers take at any date.
    static let acceptedRates: [Decimal] = [0, 5, 7, 16, 19]

    /// lexoffice's sales categories for the VAT categories that are not taxed in Germany.
    static let salesCategories: [TaxCategory: String] = [
        .reverseCharge: "380a20cb-d04c-426e-b49c-84c22adfa362",  // Fremdleistungen §13b
        .intraCommunity: "9075a4e3-66de-4795-a016-3889feca0d20",  // Innergemeinschaftliche Lieferung
        .export: "93d24c20-ea84-424e-a731-5e1b78d1e6a9",  // Ausfuhrlieferungen an Drittländer
    ]

    /// The plan for `invoice` read from a document of `direction`.
    /// - Throws: ``VoucherRefusal`` when lexoffice could not take the voucher as the invoice states it.
    init(_ invoice: EInvoice, direction: DocumentDirection, settings: ForwardingSettings) throws(VoucherRefusal) {
        guard invoice.currency == "EUR" else {
            throw VoucherRefusal("the invoice is in \(invoice.currency); lexoffice's bookkeeping vouchers are in EUR")
        }
        let isCredit = invoice.typeCode.isCreditNote
        switch direction {
        case .incoming: type = isCredit ? .purchaseCreditNote : .purchaseInvoice
        case .outgoing: type = isCredit ? .salesCreditNote : .salesInvoice
        }
        number = invoice.number
        guard let day = try? PlainDate(invoice.issueDate.description) else {
            throw VoucherRefusal("the issue date cannot be written as a voucher date")
        }
        date = day
        dueDate = invoice.dueDate.flatMap { try? PlainDate($0.description) }
        if direction == .outgoing {
            shippingDate = invoice.performanceDate.flatMap { try? PlainDate($0.description) }
        }
        var grouped: [(rate: Decimal, category: String, amount: Decimal, tax: Decimal)] = []
        var needsContact = false
        for subtotal in invoice.taxBreakdown {
            let rate = subtotal.rate ?? 0
            guard Self.acceptedRates.contains(rate) else {
                throw VoucherRefusal("the tax rate \(rate) % is not one lexoffice's bookkeeping vouchers accept")
            }
            let category = try Self.category(for: subtotal.category, direction: direction, settings: settings)
            needsContact = needsContact || category.needsContact
            if let index = grouped.firstIndex(where: { $0.rate == rate && $0.category == category.id }) {
                grouped[index].amount += subtotal.taxableAmount
                grouped[index].tax += subtotal.taxAmount
            } else {
                grouped.append((rate, category.id, subtotal.taxableAmount, subtotal.taxAmount))
            }
        }
        guard !grouped.isEmpty else { throw VoucherRefusal("the invoice has no VAT breakdown") }
        items = try grouped.map { group throws(VoucherRefusal) in
            guard let categoryID = try? LexofficeID(group.category) else {
                throw VoucherRefusal("the posting category '\(group.category)' is not a lexoffice id")
            }
            return VoucherItem(
                amount: group.amount.cents,
                taxAmount: group.tax.cents,
                taxRatePercent: group.rate,
                categoryId: categoryID
            )
        }
        self.needsContact = needsContact
        totalGross = invoice.totals.taxInclusiveTotal.cents
        totalTax = invoice.totals.taxTotal.cents
        let itemTax = items.reduce(Decimal(0)) { $0 + $1.taxAmount }
        let itemGross = items.reduce(Decimal(0)) { $0 + $1.amount } + itemTax
        guard itemTax == totalTax, itemGross == totalGross else {
            throw VoucherRefusal("the VAT breakdown does not add up to the invoice totals to the cent")
        }
        guard totalGross >= 0 else {
            throw VoucherRefusal("the invoice total is negative; lexoffice's vouchers take positive amounts")
        }
    }

    /// The voucher for the contact `contactID`, with the document's note as remark.
    func voucher(contactID: LexofficeID, remark: String?) -> Voucher {
        Voucher(
            type: type,
            taxType: .net,
            voucherNumber: number,
            voucherDate: .day(date),
            shippingDate: shippingDate.map { .day($0) },
            dueDate: dueDate.map { .day($0) },
            totalGrossAmount: totalGross,
            totalTaxAmount: totalTax,
            useCollectiveContact: false,
            contactId: contactID,
            remark: remark,
            voucherItems: items
        )
    }

    /// The posting category of a VAT category: lexoffice's own for sales not taxed in Germany, else the tenant's.
    private static func category(
        for taxCategory: TaxCategory,
        direction: DocumentDirection,
        settings: ForwardingSettings
    ) throws(VoucherRefusal) -> (id: String, needsContact: Bool) {
        switch direction {
        case .outgoing:
            if let special = salesCategories[taxCategory] { return (special, true) }
            guard let id = settings.salesCategoryID else {
                throw VoucherRefusal("the tenant has no posting category for outgoing documents")
            }
            return (id, false)
        case .incoming:
            guard ![.reverseCharge, .intraCommunity].contains(taxCategory) else {
                throw VoucherRefusal(
                    "a purchase under VAT category \(taxCategory) (reverse charge or intra-community) needs its own "
                        + "posting category, which lexoffice assigns when it reads the file"
                )
            }
            guard let id = settings.purchaseCategoryID else {
                throw VoucherRefusal("the tenant has no posting category for incoming documents")
            }
            return (id, false)
        }
    }
}

extension Decimal {
    /// The amount rounded to cents (half away from zero), as lexoffice's vouchers take amounts.
    fileprivate var cents: Decimal {
        var input = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
        return rounded
    }
}
