import Foundation
import LexofficeKit

/// Everything the sandbox keeps across restarts (`--state FILE`): organizations with their data, API keys and
/// the clock offset, and OAuth connections with their refresh and unexpired access tokens (lexoffice does not
/// forget a connection either, and an integrator should not have to reconnect after a restart).
///
/// Not kept, by decision: OAuth consent forms and authorization codes (they live 10 minutes); the request
/// journal and fault rules, which are per-run test instruments (a restarted sandbox must not replay an old 503
/// rule, nor report requests it did not answer); rate-limit buckets, which refill anyway.
struct SandboxSnapshot: Codable, Sendable {
    /// The snapshot format; a file of another version is refused rather than misread.
    static let currentFormat = 1

    var format: Int
    var savedAt: LexofficeDateTime
    var defaultAPIKey: String
    var clockOffsetSeconds: Double
    var keys: [String: LexofficeID]
    /// The connections of additional API keys; absent in snapshots written before keys could be added.
    var keyConnections: [String: LexofficeID]?
    /// OAuth connections and tokens; absent in snapshots written before they were kept.
    var oauthGrants: OAuthRegistry.SavedGrants?
    var organizations: [Organization]

    /// Reads a snapshot file.
    /// - Throws: ``SandboxStateFileError`` naming the file when it cannot be read or is not a snapshot.
    static func load(from path: String) throws -> SandboxSnapshot {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SandboxStateFileError(path: path, detail: "cannot be read")
        }
        guard let snapshot = try? JSONDecoder().decode(SandboxSnapshot.self, from: data) else {
            throw SandboxStateFileError(path: path, detail: "is not a sandbox state snapshot")
        }
        guard snapshot.format == currentFormat else {
            throw SandboxStateFileError(path: path, detail: "has format \(snapshot.format), expected \(currentFormat)")
        }
        return snapshot
    }

    /// Writes the snapshot atomically (a temporary file renamed over the old one), readable by the owner only.
    func save(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try LexofficeJSON.encode(self).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}

/// The `--state` file cannot be used.
public struct SandboxStateFileError: Error, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong with it.
    public var detail: String

    public var description: String { "the sandbox state file \(path) \(detail)" }
}
