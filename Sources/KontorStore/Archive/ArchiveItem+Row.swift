import Foundation
import KontorCore
import KontorFlows
import SQLKit

extension ArchiveItem {
    /// Reads an item from a `SELECT * FROM archive_items` row.
    init(row: any SQLRow) throws {
        let typeText = try row.decode(column: "document_type", as: String.self)
        let stateText = try row.decode(column: "state", as: String.self)
        guard let type = ArchiveDocumentType(rawValue: typeText), let state = ArchiveItemState(rawValue: stateText)
        else {
            throw StoreError(.inconsistent, "an archive item has an unknown type or state in the database")
        }
        let keys = try row.decode(column: "sink_keys", as: String.self)
        self.init(
            id: try row.decode(column: "id", as: Int64.self),
            lexofficeID: try row.decode(column: "lexoffice_id", as: String.self),
            type: type,
            number: try row.decode(column: "document_number", as: String?.self),
            state: state,
            reason: try row.decode(column: "reason", as: String?.self),
            keys: try KontorJSON.decoder().decode([[ArchiveWrittenKey]].self, from: Data(keys.utf8)),
            documentStatus: try row.decode(column: "document_status", as: String?.self),
            fingerprint: try row.decode(column: "fingerprint", as: String?.self),
            sinksDigest: try row.decode(column: "sinks_digest", as: String?.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
