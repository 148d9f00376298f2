import Foundation
import KontorFlows

/// A forwarded document as the hub API shows it: where forwarding stands, the reason, what lexoffice made of it
/// and, for one document, the step log; not the content.
struct DocumentRepresentation: Encodable {
    /// One write to lexoffice of the document's forwarding.
    struct Step: Encodable {
        let name: String
        let state: String
        let startedAt: Date
        let finishedAt: Date?
        let lexofficeId: String?
        let note: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(state, forKey: .state)
            try container.encode(startedAt, forKey: .startedAt)
            try container.encode(finishedAt, forKey: .finishedAt)
            try container.encode(lexofficeId, forKey: .lexofficeId)
            try container.encode(note, forKey: .note)
        }

        private enum CodingKeys: String, CodingKey { case name, state, startedAt, finishedAt, lexofficeId, note }
    }

    let document: ForwardedDocument
    let steps: [TransferStep]?

    init(_ document: ForwardedDocument, steps: [TransferStep]? = nil) {
        self.document = document
        self.steps = steps
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document.id, forKey: .id)
        try container.encode(document.externalID, forKey: .externalId)
        try container.encode(document.direction.rawValue, forKey: .direction)
        try container.encode(document.releasedAt, forKey: document.direction == .incoming ? .approvedAt : .sentAt)
        try container.encode(document.note, forKey: .note)
        try container.encode(document.fileName, forKey: .fileName)
        try container.encode(document.mediaType, forKey: .mediaType)
        try container.encode(document.sha256, forKey: .sha256)
        try container.encode(document.size, forKey: .size)
        try container.encode(document.state.rawValue, forKey: .state)
        try container.encode(document.reason, forKey: .reason)
        try container.encode(document.voucherID, forKey: .voucherId)
        try container.encode(document.fileID, forKey: .fileId)
        try container.encode(document.receivedAt, forKey: .receivedAt)
        try container.encode(document.updatedAt, forKey: .updatedAt)
        if let steps {
            try container.encode(
                steps.map {
                    Step(
                        name: $0.name.rawValue,
                        state: $0.state.rawValue,
                        startedAt: $0.startedAt,
                        finishedAt: $0.finishedAt,
                        lexofficeId: $0.lexofficeID,
                        note: $0.note
                    )
                },
                forKey: .steps
            )
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, externalId, direction, approvedAt, sentAt, note, fileName, mediaType, sha256, size, state, reason
        case voucherId, fileId, receivedAt, updatedAt, steps
    }
}
