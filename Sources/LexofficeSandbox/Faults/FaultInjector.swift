import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit
import Synchronization

/// Holds the active fault rules and applies the first matching one around a request's execution.
final class FaultInjector: Sendable {
    private let rules = Mutex<[FaultRule]>([])
    /// How many rules there are, written under the lock: every request asks for a fault, and almost always
    /// there is none, so ``take(method:path:)`` checks this before taking the lock.
    private let ruleCount = Atomic<Int>(0)

    /// Adds a rule and returns it with its id.
    func add(_ rule: FaultRule) -> FaultRule {
        var rule = rule
        rule.id = .random()
        rules.withLock { rules in
            rules.append(rule)
            ruleCount.store(rules.count, ordering: .releasing)
        }
        return rule
    }

    /// The active rules.
    var active: [FaultRule] { rules.withLock { $0 } }

    /// Removes every rule.
    func clear() {
        rules.withLock { rules in
            rules = []
            ruleCount.store(0, ordering: .releasing)
        }
    }

    /// Takes the first rule matching the request (and, with a probability, drawn for it), counting it down.
    func take(method: String, path: String) -> FaultRule? {
        guard ruleCount.load(ordering: .acquiring) > 0 else { return nil }
        return rules.withLock { rules in
            let hits = { (rule: FaultRule) in
                rule.matches(method: method, path: path)
                    && rule.probability.map { Double.random(in: 0..<1) < $0 } ?? true
            }
            guard let index = rules.firstIndex(where: hits) else { return nil }
            let rule = rules[index]
            if let remaining = rule.remaining {
                if remaining <= 1 { rules.remove(at: index) } else { rules[index].remaining = remaining - 1 }
            }
            ruleCount.store(rules.count, ordering: .releasing)
            return rule
        }
    }

    /// What happens before execution: a delay, or a refusal (thrown, so nothing is executed).
    static func beforeExecution(_ rule: FaultRule) async throws {
        switch rule.action {
        case .latency:
            try await Task.sleep(for: .milliseconds(rule.latencyMilliseconds ?? 1000))
        case .failBeforeExecution:
            let status = HTTPResponse.Status(code: rule.status ?? 503)
            throw SandboxProblem(status: status, message: status.reasonPhrase, isGateway: true)
        case .accountNumberAlreadyExists:
            throw SandboxProblem(
                status: .notAcceptable,
                message: "account number already exists",
                issues: [LegacyIssue(i18nKey: "account_number_already_exists", source: nil, type: "validation_failure")]
            )
        case .timeoutAfterExecution, .dropAfterExecution, .replicationDelay:
            return
        }
    }

    /// What happens to the answer of an executed request: a 504, or a connection dropped mid-answer.
    static func afterExecution(_ rule: FaultRule, response: Response) -> Response {
        switch rule.action {
        case .timeoutAfterExecution:
            return SandboxResponses.bytes(
                Data(#"{"message":"Endpoint request timed out"}"#.utf8),
                status: .gatewayTimeout,
                contentType: "application/json"
            )
        case .dropAfterExecution:
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.contentLength] = "1024"
            return Response(
                status: .ok,
                headers: headers,
                body: ResponseBody { _ in throw DroppedConnection() }  // the head is sent, the body never is
            )
        default:
            return response
        }
    }

    /// Ends a response after its head, so the client sees the connection close.
    private struct DroppedConnection: Error {}
}
