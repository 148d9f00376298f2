import HTTPTypes
import LexofficeKit

/// The document chain (`precedingSalesVoucherId`): which predecessors each type accepts, and their states.
enum SalesVoucherPursuit {
    /// The predecessor types each kind may be created from.
    static let allowedPredecessors: [VoucherType: Set<VoucherType>] = [
        .orderConfirmation: [.quotation],
        .deliveryNote: [.quotation, .orderConfirmation, .invoice],
        .invoice: [.quotation, .orderConfirmation, .deliveryNote],
        .creditNote: [.invoice],
        "dunning": [.invoice, .downPaymentInvoice],
    ]

    /// Checks that `predecessor` may precede a new document of `kind`; 406 otherwise.
    static func check(
        _ predecessor: SalesVoucherRecord,
        for kind: SalesVoucherKind,
        in organization: Organization
    ) throws {
        let document = predecessor.document.common
        let predecessorType = document.kind.voucherType
        guard allowedPredecessors[kind.voucherType]?.contains(predecessorType) == true else {
            throw invalid("a \(predecessorType) cannot precede a \(kind.voucherType)")
        }
        if document.voucherStatus == .draft {
            throw invalid("the preceding \(predecessorType) is a draft")
        }
        if predecessorType == .quotation,
            document.lineItems.contains(where: { $0.optional == true || !($0.subItems ?? []).isEmpty })
        {
            throw invalid("a quotation with optional or alternative items cannot be pursued")
        }
        if case .invoice(let invoice) = predecessor.document, kind.voucherType == .creditNote {
            if invoice.closingInvoice == true { throw invalid("a closing invoice cannot be pursued to a credit note") }
            let hasCreditNote = (invoice.relatedVouchers ?? []).contains { $0.voucherType == .creditNote }
            if hasCreditNote { throw invalid("the invoice has a credit note already") }
        }
    }

    /// Checks that a dunning's invoice is overdue: open and due before `today`. lexoffice's rule is unconfirmed,
    /// so this check is off unless configured.
    static func checkOverdue(_ predecessor: SalesVoucherRecord, today: PlainDate) throws {
        let dueDate: LexofficeDateTime? =
            switch predecessor.document {
            case .invoice(let invoice): invoice.dueDate
            case .downPaymentInvoice(let invoice): invoice.dueDate
            default: nil
            }
        let status = predecessor.document.common.voucherStatus ?? .draft
        guard VoucherListEntries.effectiveStatus(status, dueDate: dueDate, today: today) == .overdue else {
            throw invalid("only overdue invoices can be dunned")
        }
    }

    private static func invalid(_ message: String) -> SandboxProblem {
        SandboxProblem(
            status: .notAcceptable,
            message: "Invalid pursue action: \(message).",
            details: [RegularErrorDetail(violation: "INVALID", field: "precedingSalesVoucherId", message: message)]
        )
    }
}
