import Foundation

/// The hub's data folder (`data.dir`: the SQLite file, the master key, the admin token file, the sandbox's state).
enum DataFolder {
    /// Creates the folder at `path` with mode 0700, so that only the hub's user may list or enter it; an existing
    /// folder is left as it is.
    /// - Throws: ``CommandFailure`` when it cannot be created.
    static func create(_ path: String) throws(CommandFailure) {
        do {
            try FileManager.default.createDirectory(
                atPath: path,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw CommandFailure("cannot create the data folder \(path)")
        }
    }
}
