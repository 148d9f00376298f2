import Foundation
import KontorCore

/// The drop folders for scanners and batch exports (issue 26): files put into a tenant's `incoming/` or `outgoing/`
/// folder are received for forwarding like a document posted to the hub API, with the file name as `externalId`
/// and the file's modification time as `approvedAt`/`sentAt`. A tenant's folder is `<root>/<tenant>/` below the
/// hub-wide root, and the folder its forwarding settings name (``TenantDropFolders``, read at each poll); both are
/// polled when both exist.
///
/// A file is taken once it is complete: seen with the same size and modification time by two polls in a row;
/// names starting with `.` or ending in `.part`, `.tmp` or `.crdownload` are never taken. A received file moves to
/// the tenant folder's `done/`; one that cannot be received (over 5 MB, not PDF, PNG, JPEG or XML, the name received
/// before with other content) moves to its `failed/` with a `<name>.reason.txt` beside it. Folders below the root of
/// tenants that do not exist are left alone, and so is a tenant's own folder that the ``DropFolderPolicy`` does not
/// permit (e.g. a symbolic link leading elsewhere).
package struct DropFolder: Sendable {
    /// What a poll saw of a waiting file.
    package struct Stamp: Sendable, Equatable {
        var size: Int
        var modified: Date
    }

    /// The folder that holds one folder per tenant, if any.
    package let root: URL?
    private let inbox: any DocumentInbox
    private let tenantFolders: (any TenantDropFolders)?
    private let policy: DropFolderPolicy

    /// Drop folders below `root` and those of `tenantFolders` that `policy` permits, storing what they take in
    /// `inbox`.
    package init(
        root: URL?,
        inbox: any DocumentInbox,
        tenantFolders: (any TenantDropFolders)? = nil,
        policy: DropFolderPolicy = DropFolderPolicy()
    ) {
        self.root = root
        self.inbox = inbox
        self.tenantFolders = tenantFolders
        self.policy = policy
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
        for (tenant, tenantFolder) in try await tenantFolderList() {
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

    /// Every tenant folder to poll: `<root>/<tenant>` for each valid tenant id below the root, then the tenants' own.
    private func tenantFolderList() async throws -> [(TenantID, URL)] {
        var list: [(TenantID, URL)] = []
        if let root, let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) {
            for name in names.sorted() where TenantID(name).isValid {
                list.append((TenantID(name), root.appendingPathComponent(name)))
            }
        }
        var own: [TenantID: String] = [:]
        do {
            own = try await tenantFolders?.dropFolders() ?? [:]
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // The database is unavailable for a moment: the tenants' own folders wait for the next poll, and the
            // polling goes on (an error here would end the hub's services).
        }
        for (tenant, path) in own.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where policy.permitsPolling(path) {
            list.append((tenant, URL(fileURLWithPath: path, isDirectory: true)))
        }
        return list
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
