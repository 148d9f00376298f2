import Foundation
import KontorFlows

/// One archive item as the hub API shows it.
struct ArchiveItemRepresentation: Encodable {
    let id: String
    let lexofficeId: String
    let type: String
    let number: String?
    let state: String
    let reason: String?
    let documentStatus: String?
    let keys: [[ArchiveWrittenKey]]
    let attempts: Int
    let updatedAt: Date

    init(_ item: ArchiveItem) {
        id = String(item.id)
        lexofficeId = item.lexofficeID
        type = item.type.rawValue
        number = item.number
        state = item.state.rawValue
        reason = item.reason
        documentStatus = item.documentStatus
        keys = item.keys
        attempts = item.attempts
        updatedAt = item.updatedAt
    }
}
