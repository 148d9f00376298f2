import Foundation
import KontorCore
import KontorFlows
import SQLKit

extension ForwardedDocument {
    /// The columns a document is read from (everything but its bytes).
    static let columns = """
        sequence, id, tenant_id, external_id, direction, released_at, note, file_name, media_type, sha256, size, \
        state, reason, voucher_id, file_id, received_at, updated_at
        """

    init(row: any SQLRow) throws {
        let direction = try row.decode(column: "direction", as: String.self)
        let state = try row.decode(column: "state", as: String.self)
        guard let knownDirection = DocumentDirection(rawValue: direction),
            let knownState = ForwardingState(rawValue: state)
        else {
            throw StoreError(.inconsistent, "a forwarded document holds an unknown direction or state '\(state)'")
        }
        self.init(
            id: try row.decode(column: "id", as: String.self),
            sequence: try row.decode(column: "sequence", as: Int64.self),
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            externalID: try row.decode(column: "external_id", as: String.self),
            direction: knownDirection,
            releasedAt: Date(millisecondsSince1970: try row.decode(column: "released_at", as: Int64.self)),
            note: try row.decode(column: "note", as: String?.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            mediaType: try row.decode(column: "media_type", as: String.self),
            sha256: try row.decode(column: "sha256", as: String.self),
            size: Int(try row.decode(column: "size", as: Int64.self)),
            state: knownState,
            reason: try row.decode(column: "reason", as: String?.self),
            voucherID: try row.decode(column: "voucher_id", as: String?.self),
            fileID: try row.decode(column: "file_id", as: String?.self),
            receivedAt: Date(millisecondsSince1970: try row.decode(column: "received_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
