import Foundation
import LexofficeKit

/// A fault to inject into matching requests (`POST /_sandbox/faults`), to test a client's handling of lexoffice's
/// failures.
struct FaultRule: Codable, Sendable, Equatable {
    /// What the fault does.
    enum Action: String, Codable, Sendable {
        /// Answer `status` before executing anything (e.g. 503).
        case failBeforeExecution
        /// Execute the request, then answer 504 `Endpoint request timed out` (the write happened); with
        /// `delayMilliseconds`, a created resource also stays invisible to reads that long.
        case timeoutAfterExecution
        /// Execute the request, then drop the connection mid-answer (the write happened); with
        /// `delayMilliseconds`, a created resource also stays invisible to reads that long.
        case dropAfterExecution
        /// Wait `latencyMilliseconds` before handling the request.
        case latency
        /// Refuse a contact creation with the legacy `account_number_already_exists` issue (not executed).
        case accountNumberAlreadyExists
        /// Execute a create, but keep the new resource invisible to reads for `delayMilliseconds`.
        case replicationDelay
    }

    /// Assigned by the sandbox.
    var id: LexofficeID?
    /// The HTTP method to match; any when `nil`.
    var method: String?
    /// The path to match; `*` matches any characters, e.g. `/v1/contacts*`.
    var path: String
    var action: Action
    /// For `failBeforeExecution`: the status to answer (default 503).
    var status: Int?
    /// For `latency`.
    var latencyMilliseconds: Int?
    /// For `replicationDelay` (default 2,000), `timeoutAfterExecution` and `dropAfterExecution`.
    var delayMilliseconds: Int?
    /// How many requests the fault applies to; forever when `nil`.
    var remaining: Int?
    /// The chance (0…1) that a matching request gets the fault; always when `nil`. A request the rule spares
    /// is matched against the next rules, and does not count towards ``remaining``.
    var probability: Double?

    /// Whether the rule's values are usable.
    var isValid: Bool {
        (probability.map { (0...1).contains($0) } ?? true) && (delayMilliseconds.map { $0 >= 0 } ?? true)
    }

    /// How long a resource the matched request creates stays invisible to reads (by id and in lists), if at all.
    var replicationLag: Duration? {
        switch action {
        case .replicationDelay: .milliseconds(delayMilliseconds ?? 2000)
        case .timeoutAfterExecution, .dropAfterExecution: delayMilliseconds.map { .milliseconds($0) }
        case .failBeforeExecution, .latency, .accountNumberAlreadyExists: nil
        }
    }

    /// Whether the rule applies to `method` and `path`.
    func matches(method requestMethod: String, path requestPath: String) -> Bool {
        if let method, method.uppercased() != requestMethod.uppercased() { return false }
        return Self.glob(path, matches: requestPath)
    }

    /// Matches `text` against a pattern in which `*` stands for any characters.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == text }
        guard text.hasPrefix(parts[0]), text.hasSuffix(parts[parts.count - 1]) else { return false }
        var rest = Substring(text.dropFirst(parts[0].count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.count >= parts[parts.count - 1].count
    }
}
