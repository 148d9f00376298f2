import Foundation
import KontorCore
import KontorStore
import LexofficeKit

/// A reason, found by the transfer itself, not to go on.
enum TransferProblem: Error {
    /// The transfer cannot succeed as the data stands (the reason says why); retrying would not help.
    case fail(String)
    /// The invoice is not to be transferred at all (the reason says why).
    case skip(String)

    /// The lexoffice body `map` makes from a stored invoice; a failed transfer when the invoice cannot be mapped.
    static func mapped<Body>(_ map: () throws(SourceInvoiceMappingError) -> Body) throws -> Body {
        do {
            return try map()
        } catch {
            throw TransferProblem.fail("the invoice cannot be sent to lexoffice: \(error.detail)")
        }
    }
}

/// What to do after a transfer attempt threw.
enum TransferDisposition: Equatable {
    /// Try again later (lexoffice busy or unreachable, or a write's outcome unknown: it is looked up first).
    case retry(String, after: Duration?)
    /// The tenant's connection must be reconnected; its jobs wait.
    case pause(String)
    /// End the transfer as failed.
    case fail(String)
    /// End the transfer as skipped.
    case skip(String)

    /// The disposition of `error`; an unknown outcome waits `reconciliationDelay` before the lookup.
    init(_ error: any Error, reconciliationDelay: Duration) {
        switch error {
        case let problem as TransferProblem:
            switch problem {
            case .fail(let reason): self = .fail(reason)
            case .skip(let reason): self = .skip(reason)
            }
        case let doubt as TransferStepInDoubt:
            self = .retry(
                "lexoffice does not show the \(doubt.step.rawValue) of a write in doubt yet; it is looked for once "
                    + "more before it is sent again",
                after: doubt.lookAgainAfter
            )
        case let lexoffice as LexofficeError:
            self = Self(lexoffice, reconciliationDelay: reconciliationDelay)
        case let store as StoreError where store.code == .notFound:
            self = .pause("the tenant has no lexoffice connection: \(store.detail)")
        default:
            self = .retry("\(error)", after: nil)
        }
    }

    private init(_ error: LexofficeError, reconciliationDelay: Duration) {
        switch error.code {
        case .outcomeUnknown:
            self = .retry(
                "lexoffice did not confirm a write (\(error)); it is looked up before anything is sent again",
                after: reconciliationDelay
            )
        case .rateLimited, .serverError, .timeout, .connectionFailed:
            self = .retry("lexoffice is not available: \(error)", after: nil)
        case .notFound:
            // Reading back what was just created can miss it while lexoffice replicates; the create step is done,
            // so the retry only reads again. A document deleted in lexoffice meanwhile fails after the last attempt.
            self = .retry("lexoffice does not show the document yet (\(error))", after: nil)
        case .unauthorized, .credentialsUnavailable:
            self = .pause("lexoffice refused the connection's credentials (\(error)); reconnect the tenant")
        case .paymentRequired, .forbidden:
            self = .pause("the lexoffice connection may not do this (\(error))")
        default:
            self = .fail("lexoffice refused the transfer: \(error)")
        }
    }
}
