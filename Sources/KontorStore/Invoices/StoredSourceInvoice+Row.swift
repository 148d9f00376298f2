import Foundation
import KontorCore
import KontorFlows
import SQLKit

extension StoredSourceInvoice {
    init(row: any SQLRow) throws {
        let state = try row.decode(column: "transfer_state", as: String.self)
        guard let transferState = TransferState(rawValue: state) else {
            throw StoreError(.inconsistent, "source invoice row holds an unknown transfer state '\(state)'")
        }
        self.init(
            sequence: try row.decode(column: "id", as: Int64.self),
            received: IncomingSourceInvoice(
                tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
                sourceID: try row.decode(column: "source_id", as: String.self),
                number: try row.decode(column: "number", as: String.self),
                invoiceDate: try row.decode(column: "invoice_date", as: String.self),
                status: try row.decode(column: "status", as: String.self),
                cancels: try row.decode(column: "cancels", as: String?.self),
                content: try row.decode(column: "content", as: String.self),
                fingerprint: try row.decode(column: "fingerprint", as: String.self),
                paymentStatus: try row.decode(column: "payment_status", as: String?.self)
            ),
            transferState: transferState,
            stateReason: try row.decode(column: "state_reason", as: String?.self),
            lexofficeID: try row.decode(column: "lexoffice_id", as: String?.self),
            voucherNumber: try row.decode(column: "voucher_number", as: String?.self),
            customerNumber: try row.decode(column: "customer_number", as: String?.self),
            lexofficeType: try row.decode(column: "lexoffice_type", as: String?.self),
            lexofficeStatus: try row.decode(column: "lexoffice_status", as: String?.self),
            totalsDifference: try row.decode(column: "totals_difference", as: String?.self),
            receivedAt: Date(millisecondsSince1970: try row.decode(column: "received_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self)),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
