import Foundation
import KontorFlows

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Blocking file operations that survive a crash: folders created and made durable, files replaced atomically.
enum DurableFiles {
    /// Creates `folders` (outermost first) below `root` where missing, flushing each new folder's parent so the
    /// new entry is on disk; returns the innermost folder's path.
    static func makeFolders(_ folders: [String], below root: String) throws(ArchiveSinkError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw ArchiveSinkError(.destinationMissing, "the archive folder \(root) does not exist")
        }
        var path = root
        for folder in folders {
            let parent = path
            path += "/" + folder
            if mkdir(path, 0o750) == 0 {
                try flush(folder: parent)
            } else if errno != EEXIST {
                throw failure(errno, "create folder", path)
            }
        }
        return path
    }

    /// Replaces (or creates) the file `name` in `folder` with `contents`: written to a temporary file in the same
    /// folder, flushed, renamed over `name`, the folder flushed.
    ///
    /// The temporary file's name is fixed per target (`.{name}.kontor-tmp`) and locked (`flock`) while it is
    /// written, so a writer killed in the middle leaves nothing behind for good: the next write of the same file
    /// takes the orphan over (its lock died with its process) instead of adding a second one. A live writer of the
    /// same file makes this call fail as retryable, never mixes its bytes with ours.
    static func replace(_ name: String, in folder: String, with contents: Data) throws(ArchiveSinkError) {
        let path = folder + "/" + name
        let temporary = folder + "/." + name + ".kontor-tmp"
        let descriptor = try openLocked(temporary)
        var written = false
        defer {
            if !written { unlink(temporary) }
            close(descriptor)
        }
        guard ftruncate(descriptor, 0) == 0 else { throw failure(errno, "truncate", temporary) }
        try writeAll(contents, to: descriptor, path: temporary)
        guard fsync(descriptor) == 0 else { throw failure(errno, "flush", temporary) }
        guard rename(temporary, path) == 0 else { throw failure(errno, "rename", path) }
        written = true
        try flush(folder: folder)
    }

    /// Opens (or creates) the temporary file at `path` and locks it exclusively; makes sure the locked file is
    /// still the one at `path` (another writer may have renamed it away between the open and the lock).
    private static func openLocked(_ path: String) throws(ArchiveSinkError) -> Int32 {
        for _ in 0..<3 {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o640)
            guard descriptor >= 0 else { throw failure(errno, "create", path) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                close(descriptor)
                if code == EWOULDBLOCK {
                    throw ArchiveSinkError(.storageFailed, "\(path) is being written by another process")
                }
                throw failure(code, "lock", path)
            }
            var opened = stat()
            var current = stat()
            if fstat(descriptor, &opened) == 0, stat(path, &current) == 0, opened.st_ino == current.st_ino,
                opened.st_dev == current.st_dev
            {
                return descriptor
            }
            close(descriptor)
        }
        throw ArchiveSinkError(.storageFailed, "\(path) kept being replaced by another process")
    }

    private static func writeAll(_ contents: Data, to descriptor: Int32, path: String) throws(ArchiveSinkError) {
        let failedErrno: Int32? = contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                // `buffer` is not empty here, so it has a base address.
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
        if let failedErrno { throw failure(failedErrno, "write", path) }
    }

    private static func flush(folder: String) throws(ArchiveSinkError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(errno, "open folder", folder) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(errno, "flush folder", folder) }
    }

    /// The sink error for a failed call: permissions are permanent, space and I/O problems retryable.
    private static func failure(_ code: Int32, _ operation: String, _ path: String) -> ArchiveSinkError {
        let reason = String(cString: strerror(code))
        let detail = "cannot \(operation) \(path): \(reason)"
        switch code {
        case EACCES, EPERM, EROFS: return ArchiveSinkError(.accessDenied, detail)
        case ENOENT: return ArchiveSinkError(.destinationMissing, detail)
        case ENOTDIR, EISDIR, ENAMETOOLONG, EINVAL: return ArchiveSinkError(.rejected, detail)
        default: return ArchiveSinkError(.storageFailed, detail)
        }
    }
}
