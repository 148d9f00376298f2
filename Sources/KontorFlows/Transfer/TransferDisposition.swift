import Foundation
import KontorCore
import LexofficeKit

/// What to do after a transfer attempt threw; decided on error codes only.
enum TransferDisposition: Equatable {
    /// Try again later (lexoffice busy or unreachable, or a write's outcome unknown: it is looked up first).
    case retry(String, after: Duration?)
    /// The tenant's connection must be reconnected; its jobs wait.
    case pause(String)
    /// End the transfer as failed.
    case fail(String)
    /// End the transfer as skipped.
    case skip(String)
    /// The job's lease is gone: end the attempt without recording anything (its successor decides).
    case abandon(String)

    /// The disposition of `error`; an unknown outcome waits `reconciliationDelay` before the lookup.
    init(_ error: any Error, reconciliationDelay: Duration) {
        switch error {
        case let problem as FlowProblem:
            self = Self(problem)
        case let doubt as StepInDoubt:
            self = .retry(
                "lexoffice does not show the \(doubt.step.rawValue) of a write in doubt yet; it is looked for once "
                    + "more before it is sent again",
                after: doubt.lookAgainAfter
            )
        case let lexoffice as LexofficeError:
            self = Self(lexoffice, reconciliationDelay: reconciliationDelay)
        case is CancellationError:
            self = .abandon("the attempt was cancelled")
        default:
            self = .retry("\(error)", after: nil)
        }
    }

    private init(_ problem: FlowProblem) {
        switch problem.code {
        case .leaseLost:
            self = .abandon(problem.detail)
        case .notConnected:
            self = .pause("the tenant has no lexoffice connection: \(problem.detail)")
        case .connectionUnusable:
            self = .pause(problem.detail)
        case .originalNotSent:
            self = .skip(problem.detail)
        case .contactKeptChanging:
            self = .retry(problem.detail, after: nil)
        default:
            self = .fail(problem.detail)
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
