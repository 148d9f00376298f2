import Foundation
import KontorCore

/// A drop folder per tenant for scanners and batch exports (issue 26): files put into `<root>/<tenant>/incoming/`
/// or `<root>/<tenant>/outgoing/` are received for forwarding like a document posted to the hub API, with the file
/// name as `externalId` and the file's modification time as `approvedAt`/`sentAt`.
///
/// A file is taken once it is complete: seen with the same size and modification time by two polls in a row;
/// names starting with `.` or ending in `.part`, `.tmp` or `.crdownload` are never taken. A received file moves to
/// `<root>/<tenant>/done/`; one that cannot be received (over 5 MB, not PDF, PNG, JPEG or XML, the name received
/// before with other content) moves to `<root>/<tenant>/failed/` with a `<name>.reason.txt` beside it. Folders of
/// tenants that do not exist are left alone.
package struct DropFolder: Sendable {
    /// What a poll saw of a waiting file.
    package struct Stamp: Sendable, Equatable {
        var size: Int
        var modified: Date
    }

    /// The folder that holds one folder per tenant.
    package let root: URL
    private let inbox: any DocumentInbox

    /// A drop folder below `root`, storing what it takes in `inbox`.
    package init(root: URL, inbox: any DocumentInbox) {
        self.root = root
        self.inbox = inbox
    }

    /// Polls every `interval` until the task is cancelled.
    package func run(every interval: Duration) async throws {
        var seen: [URL: Stamp] = [:]
        while !Task.isCancelled {
            seen = try await poll(after: seen)
            try await Task.sleep(for: interval)
        }
    }

    /// Takes every file that did not change since the previous poll (`previous`); returns what this poll saw of
    /// the files that wait.
    package func poll(after previous: [URL: Stamp]) async throws -> [URL: Stamp] {
        var waiting: [URL: Stamp] = [:]
        let files = FileManager.default
        for tenantFolder in Self.folders(in: root) {
            let tenant = TenantID(tenantFolder.lastPathComponent)
            guard tenant.isValid else { continue }
            for direction in DocumentDirection.allCases {
                let folder = tenantFolder.appendingPathComponent(direction.rawValue)
                guard let names = try? files.contentsOfDirectory(atPath: folder.path) else { continue }
                for name in names.sorted() where Self.isCandidate(name) {
                    let file = folder.appendingPathComponent(name)
                    guard let stamp = Self.stamp(of: file) else { continue }
                    guard previous[file] == stamp else {
                        waiting[file] = stamp
                        continue
                    }
                    do {
                        if try await !take(
                            file,
                            stamp: stamp,
                            tenant: tenant,
                            direction: direction,
                            folder: tenantFolder
                        ) {
                            waiting[file] = stamp
                        }
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        // Unreadable or not movable (yet): it stays, and is tried again once unchanged.
                        waiting[file] = stamp
                    }
                }
            }
        }
        return waiting
    }

    /// Receives a complete file and moves it; `false` when it stays for the next poll (its tenant is unknown).
    private func take(
        _ file: URL,
        stamp: Stamp,
        tenant: TenantID,
        direction: DocumentDirection,
        folder: URL
    ) async throws -> Bool {
        let name = file.lastPathComponent
        let data = try Data(contentsOf: file)
        guard data.count <= DocumentMediaType.maximumBytes else {
            try Self.move(file, to: folder, "failed", reason: "the file exceeds lexoffice's limit of 5 MB")
            return true
        }
        guard let mediaType = DocumentMediaType.of(data) else {
            try Self.move(file, to: folder, "failed", reason: "the file is not a PDF, PNG, JPEG or XML document")
            return true
        }
        let incoming = IncomingDocument(
            tenantID: tenant,
            externalID: String(name.prefix(128)),
            direction: direction,
            releasedAt: stamp.modified,
            note: nil,
            fileName: name,
            mediaType: mediaType,
            content: data
        )
        do {
            _ = try await inbox.receive(incoming)
        } catch let error where inbox.isDuplicate(error) {
            try Self.move(
                file,
                to: folder,
                "failed",
                reason: "a file named \(name) was received before with other content"
            )
            return true
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return false
        }
        try Self.move(file, to: folder, "done", reason: nil)
        return true
    }

    /// Moves `file` into `<folder>/<target>/` (a free name), with the reason file beside it when given.
    private static func move(_ file: URL, to folder: URL, _ target: String, reason: String?) throws {
        let files = FileManager.default
        let directory = folder.appendingPathComponent(target)
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        var destination = directory.appendingPathComponent(file.lastPathComponent)
        var counter = 1
        while files.fileExists(atPath: destination.path) {
            counter += 1
            destination = directory.appendingPathComponent("\(counter)-\(file.lastPathComponent)")
        }
        if let reason {
            try Data((reason + "\n").utf8).write(
                to: directory.appendingPathComponent(destination.lastPathComponent + ".reason.txt")
            )
        }
        try files.moveItem(at: file, to: destination)
    }

    private static func folders(in root: URL) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        return names.sorted().map { root.appendingPathComponent($0) }
    }

    private static func isCandidate(_ name: String) -> Bool {
        let lower = name.lowercased()
        return !name.hasPrefix(".") && ![".part", ".tmp", ".crdownload"].contains { lower.hasSuffix($0) }
    }

    private static func stamp(of file: URL) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = attributes[.size] as? Int,
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return Stamp(size: size, modified: modified)
    }
}
