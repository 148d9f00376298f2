import Foundation

/// Where `kontor serve` puts the first partner token it creates: a file readable only by its owner (mode 0600) in
/// the data folder, so that the token ends up in no terminal scroll-back, container log or CI output.
/// `kontor serve --print-admin-token` prints it instead.
enum AdminTokenFile {
    /// The file's absolute path in the data folder `dataDirectory`.
    static func path(inDataDirectory dataDirectory: String) -> String {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("admin-token").standardizedFileURL.path
    }

    /// Writes `token` as one line to `path` with mode 0600, flushed to disk with its folder; an older file there is
    /// replaced whole.
    /// - Throws: ``CommandFailure`` when the folder or the file cannot be written.
    static func save(_ token: String, to path: String) throws(CommandFailure) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(
                atPath: folder,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw CommandFailure("cannot create the data folder \(folder) for the admin token file")
        }
        // Written beside the target and renamed over it: a reader sees the old file or the whole new one, and the
        // new one is 0600 from its first byte even when an older file had other permissions.
        let staging = path + ".new"
        unlink(staging)
        let descriptor = open(staging, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw CommandFailure("cannot write the admin token file \(path)") }
        let line = Array((token + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let flushed = fsync(descriptor) == 0
        close(descriptor)
        guard written == line.count, flushed, rename(staging, path) == 0 else {
            unlink(staging)
            throw CommandFailure("cannot write the admin token file \(path)")
        }
        // The rename is on disk only once the folder is.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard folderDescriptor >= 0 else { throw CommandFailure("cannot flush the data folder \(folder)") }
        defer { close(folderDescriptor) }
        guard fsync(folderDescriptor) == 0 else { throw CommandFailure("cannot flush the data folder \(folder)") }
    }
}
