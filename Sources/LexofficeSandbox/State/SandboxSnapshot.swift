import Foundation
import LexofficeKit

/// Everything the sandbox keeps across restarts (`--state FILE`): organizations with their data, API keys and
/// the clock offset. OAuth connections, rate-limit buckets, the journal and faults start fresh.
struct SandboxSnapshot: Codable, Sendable {
    /// The snapshot format; a file of another version is refused rather than misread.
    static let currentFormat = 1

    var format: Int
    var savedAt: LexofficeDateTime
    var defaultAPIKey: String
    var clockOffsetSeconds: Double
    var keys: [String: LexofficeID]
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
