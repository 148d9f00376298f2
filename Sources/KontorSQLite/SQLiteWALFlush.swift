import NIOPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes the commits of a database in WAL mode with `synchronous=NORMAL` durable, outside the write lock: a commit
/// then only appends its pages to the WAL file, and ``flush()`` waits until they are on disk (`fdatasync` of the WAL
/// file on a thread of its own). The next transaction need not wait for the disk, and one flush serves every commit
/// made before it started, so commits and flushes overlap.
///
/// A caller that flushes after its commit returned has exactly the guarantee of `synchronous=FULL`: the WAL is
/// append-only between checkpoints, and a flush covers everything written to the file before it began. (Other
/// connections may read a commit before it is flushed; only a power loss in that window can lose it again.)
package final class SQLiteWALFlush: Sendable {
    private struct State {
        var isFlushing = false
        var waiting: [@Sendable ((any Error)?) -> Void] = []
        /// The open WAL file, and the identity of the file it was opened as.
        var file: (descriptor: Int32, device: UInt64, inode: UInt64)?
        var flushes = 0
    }

    private let walPath: String
    private let folderPath: String
    private let state = Mutex(State())
    private let thread: NIOThreadPool

    /// Flushes of the WAL file that belongs to the database file at `databasePath`.
    package init(databasePath: String) {
        walPath = databasePath + "-wal"
        let folder = databasePath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            .joined(separator: "/")
        folderPath = folder.isEmpty ? (databasePath.hasPrefix("/") ? "/" : ".") : folder
        thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
    }

    /// How many times the WAL file was flushed so far (concurrent callers share one flush).
    package var flushCount: Int { state.withLock { $0.flushes } }

    /// Returns once everything written to the WAL file before the call is on disk.
    /// - Throws: ``SQLiteFailure`` (`SQLITE_IOERR_FSYNC`) when the file cannot be opened or flushed.
    package func flush() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            flush { error in
                if let error { continuation.resume(throwing: error) } else { continuation.resume() }
            }
        }
    }

    /// Calls `done` (on the flush thread) once everything written to the WAL file before the call is on disk, with
    /// the error (``SQLiteFailure``) when the file cannot be opened or flushed.
    package func flush(then done: @escaping @Sendable ((any Error)?) -> Void) {
        let starts = state.withLock { state in
            state.waiting.append(done)
            guard !state.isFlushing else { return false }
            state.isFlushing = true
            return true
        }
        guard starts else { return }
        thread.submit { work in
            guard case .active = work else { return self.failWaiting() }
            self.flushWhileWaited()
        }
    }

    /// Stops the thread and closes the file; later flushes throw ``SQLiteFailure/closed``.
    package func stop() async throws {
        try await thread.shutdownGracefully()
        state.withLock { state in
            if let file = state.file { close(file.descriptor) }
            state.file = nil
        }
    }

    /// Flushes for the callers waiting now, again for those that came meanwhile, until none waits (on the thread).
    private func flushWhileWaited() {
        while true {
            let callers = state.withLock { state in
                let callers = state.waiting
                state.waiting = []
                if callers.isEmpty { state.isFlushing = false }
                return callers
            }
            guard !callers.isEmpty else { return }
            var failure: (any Error)?
            do {
                try flushFile()
            } catch {
                failure = error
            }
            for caller in callers { caller(failure) }
        }
    }

    /// Answers the callers waiting now with ``SQLiteFailure/closed`` (the thread is stopped).
    private func failWaiting() {
        let callers = state.withLock { state in
            let callers = state.waiting
            state.waiting = []
            state.isFlushing = false
            return callers
        }
        for caller in callers { caller(SQLiteFailure.closed) }
    }

    /// One `fdatasync` of the WAL file; opens it first when it is not open yet or was replaced (a new WAL file's
    /// directory entry is flushed too). No WAL file: nothing was committed to one, nothing to flush.
    private func flushFile() throws {
        var onDisk = stat()
        guard stat(walPath, &onDisk) == 0 else {
            if errno == ENOENT { return }
            throw Self.failure("cannot find the WAL file \(walPath)")
        }
        let descriptor = try state.withLock { state -> Int32 in
            if let file = state.file, file.device == UInt64(onDisk.st_dev), file.inode == UInt64(onDisk.st_ino) {
                return file.descriptor
            }
            if let file = state.file { close(file.descriptor) }
            state.file = nil
            let descriptor = open(walPath, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { throw Self.failure("cannot open the WAL file \(walPath)") }
            state.file = (descriptor, UInt64(onDisk.st_dev), UInt64(onDisk.st_ino))
            try Self.flushFolder(folderPath)
            return descriptor
        }
        guard fdatasync(descriptor) == 0 else { throw Self.failure("cannot flush the WAL file \(walPath)") }
        state.withLock { $0.flushes += 1 }
    }

    /// Flushes the directory entries of `path` (a file created in it survives a power loss).
    private static func flushFolder(_ path: String) throws {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw failure("cannot open the folder \(path)") }
        defer { close(folder) }
        guard fsync(folder) == 0 else { throw failure("cannot flush the folder \(path)") }
    }

    private static func failure(_ message: String) -> SQLiteFailure {
        SQLiteFailure.ioError("\(message): \(String(cString: strerror(errno)))")
    }
}
