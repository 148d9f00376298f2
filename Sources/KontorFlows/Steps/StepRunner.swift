import Foundation
import KontorCore
import LexofficeKit

/// Runs one outgoing write of a flow exactly once (DESIGN.md §5): a step already `done` returns its id
/// without a request; a step left in `intent` (crash, timeout, 5xx after sending) is in doubt and is looked for
/// in lexoffice `reconciliationDelay` after it was sent, and once more when `reconciliationWindow` has passed
/// (lexoffice's lists may lag behind its writes for longer than usual); only when it is still not there is the
/// intent recorded again and the request sent. A step done before with other content than the transfer would send
/// now is never taken for this one: the flow fails with ``FlowProblem/Code/stepChanged``.
///
/// The steps are kept in a ``StepJournal`` of what the flow works on (an invoice, a customer), which writes them
/// under the job's claim: a worker that lost its tenant's lease writes nothing more.
struct StepRunner: Sendable {
    /// How long after an unknown outcome lexoffice's lists are trusted to show the write (they may lag behind).
    let reconciliationDelay: Duration
    /// How long after an unknown outcome the document is still looked for before it is sent again.
    let reconciliationWindow: Duration

    /// The lexoffice id the step produced.
    /// - Parameters:
    ///   - find: looks for the step's document in lexoffice after an unknown outcome; `nil` when it is not there.
    ///   - send: sends the request and returns the id of what lexoffice created.
    func run(
        _ name: TransferStep.Name,
        fingerprint: String,
        in journal: some StepJournal,
        find: @Sendable (TransferStep) async throws -> LexofficeID?,
        send: @Sendable () async throws -> LexofficeID
    ) async throws -> LexofficeID {
        let step = try await journal.steps().first { $0.name == name }
        if let step, step.fingerprint != fingerprint {
            guard step.state == .intent else {
                throw FlowProblem(
                    .stepChanged,
                    "the \(name.rawValue) was sent to lexoffice with other content than is to be sent now"
                )
            }
        }
        if let step, step.state == .done, let id = step.lexofficeID {
            return try LexofficeID(id)
        }
        if let step, step.state == .intent {
            try await waitForLexofficeLists(after: step.startedAt)
            if let found = try await find(step) {
                try await journal.recordDone(
                    name,
                    lexofficeID: found.rawValue,
                    note: "found in lexoffice after an unknown outcome; not sent again"
                )
                return found
            }
            let lookedFor = Date().timeIntervalSince(step.startedAt)
            let window = reconciliationWindow / .seconds(1)
            if lookedFor < window {
                throw StepInDoubt(step: name, lookAgainAfter: .seconds(window - lookedFor))
            }
        }
        try await journal.recordIntent(name, fingerprint: fingerprint)
        try Task.checkCancellation()
        let created = try await send()
        try await journal.recordDone(name, lexofficeID: created.rawValue, note: nil)
        return created
    }

    /// Waits until `reconciliationDelay` has passed since the request was sent.
    private func waitForLexofficeLists(after sent: Date) async throws {
        let remaining = reconciliationDelay / .seconds(1) - Date().timeIntervalSince(sent)
        if remaining > 0 { try await Task.sleep(for: .seconds(remaining)) }
    }
}

/// A write in doubt that lexoffice does not show (yet): it is looked for again after `lookAgainAfter`, at the end
/// of the reconciliation window, before it may be sent again.
struct StepInDoubt: Error {
    var step: TransferStep.Name
    var lookAgainAfter: Duration
}
