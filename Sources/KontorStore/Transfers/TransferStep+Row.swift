import Foundation
import KontorCore
import KontorFlows
import SQLKit

extension TransferStep {
    init(row: any SQLRow) throws {
        let name = try row.decode(column: "name", as: String.self)
        let state = try row.decode(column: "state", as: String.self)
        guard let known = Name(rawValue: name), let knownState = State(rawValue: state) else {
            throw StoreError(.inconsistent, "transfer step row holds an unknown step '\(name)' or state '\(state)'")
        }
        self.init(
            name: known,
            state: knownState,
            fingerprint: try row.decode(column: "fingerprint", as: String.self),
            startedAt: Date(millisecondsSince1970: try row.decode(column: "started_at", as: Int64.self)),
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            lexofficeID: try row.decode(column: "lexoffice_id", as: String?.self),
            note: try row.decode(column: "note", as: String?.self)
        )
    }
}
