import Foundation
import KontorSQLite
import Logging
import SQLKit

/// An SQLite file as a ``StoreDatabase``, in WAL mode; no write returns before its commit is on disk, so a committed
/// job survives a crash of the process or the machine. A commit only appends to the WAL (`synchronous=NORMAL`), and
/// the store flushes the WAL file itself before the write returns (``SQLiteWALFlush``): the next transaction runs
/// while the previous one is flushed, instead of waiting for the disk under the write lock (`synchronous=FULL`).
///
/// Three connections, each with a thread of its own (``SQLiteFileConnection``): the writer, used by one task at a
/// time (transactions, group commit), which runs each transaction on its thread from `BEGIN` to `COMMIT`; a read-only
/// one for ``read(_:)``, which WAL lets read while the writer's transaction is open; and one that copies committed
/// pages from the WAL into the database file (``runCheckpoints(every:)``), so that no commit waits for that copy.
///
/// Several processes may open the same file: SQLite's file lock serializes their transactions and
/// `busy_timeout` makes a process wait for the lock instead of failing.
package final class SQLiteStoreDatabase: StoreDatabase {
    package let kind = DatabaseKind.sqlite
    private let writer: SQLiteFileConnection
    private let database: any SQLDatabase
    private let reader: SQLiteFileConnection
    private let readerDatabase: any SQLDatabase
    private let checkpointer: SQLiteFileConnection
    private let walFlush: SQLiteWALFlush
    private let gate: SerialGate
    private let groupCommit: GroupCommit

    /// The WAL size (in 4 KiB pages) at which a commit copies the WAL into the database file itself: a fallback
    /// for when ``runCheckpoints(every:)`` does not run or falls behind (SQLite's default is 1,000, which made
    /// busy writers checkpoint every few commits).
    static let fallbackCheckpointPages = 20_000

    private init(
        writer: SQLiteFileConnection,
        reader: SQLiteFileConnection,
        checkpointer: SQLiteFileConnection,
        walFlush: SQLiteWALFlush,
        logger: Logger
    ) {
        let gate = SerialGate()
        let database = SQLiteDriverDatabase(connection: writer, logger: logger)
        self.writer = writer
        self.database = database
        self.reader = reader
        self.readerDatabase = SQLiteDriverDatabase(connection: reader, logger: logger)
        self.checkpointer = checkpointer
        self.walFlush = walFlush
        self.gate = gate
        self.groupCommit = GroupCommit(
            exclusive: { batches in try await Self.onWriter(gate: gate, writer: writer, batches) },
            transaction: { body in try await database.runTransaction(begin: "BEGIN IMMEDIATE", body) },
            makeDurable: { done in walFlush.flush(then: done) }
        )
    }

    /// Opens (and creates, with its folder) the database file at `path`. A new file is created with mode 0600 (SQLite
    /// gives its `-wal` and `-shm` files the same), a new folder with 0700: only the hub's user reads the data.
    /// - Throws: ``StoreError`` `database-unavailable` when the file cannot be opened.
    package static func open(path: String, logger: Logger) async throws -> SQLiteStoreDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var connections: [SQLiteFileConnection] = []
        do {
            try FileManager.default.createDirectory(
                atPath: folder,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            try createOwnerOnlyFile(path)
            for _ in 0..<3 { connections.append(try SQLiteFileConnection(path: path)) }
        } catch {
            for connection in connections { try? await connection.stop() }
            throw StoreError(.unavailable, "cannot open the SQLite database \(path): \(error)")
        }
        let store = SQLiteStoreDatabase(
            writer: connections[0],
            reader: connections[1],
            checkpointer: connections[2],
            walFlush: SQLiteWALFlush(databasePath: path),
            logger: logger
        )
        do {
            // busy_timeout first: switching a new file to WAL takes a lock another process may hold.
            try await whileBusy { try await store.database.raw("PRAGMA busy_timeout = 30000").run() }
            let mode = try await whileBusy {
                try await store.database.raw("PRAGMA journal_mode = WAL").first()?.decode(
                    column: "journal_mode",
                    as: String.self
                )
            }
            // Durability rests on the WAL: a commit appends to it, the store flushes it.
            guard mode?.lowercased() == "wal" else {
                throw StoreError(
                    .unavailable,
                    "the file system does not support SQLite's WAL mode (journal mode \(mode ?? "unknown"))"
                )
            }
            let writerPragmas = [
                "synchronous = NORMAL", "foreign_keys = ON", "wal_autocheckpoint = \(fallbackCheckpointPages)",
            ]
            for pragma in writerPragmas {
                try await whileBusy { try await store.database.raw("PRAGMA \(unsafeRaw: pragma)").run() }
            }
            for pragma in ["busy_timeout = 30000", "query_only = ON"] {
                try await whileBusy { try await store.readerDatabase.raw("PRAGMA \(unsafeRaw: pragma)").run() }
            }
            return store
        } catch {
            try? await store.close()
            throw StoreError(.unavailable, "cannot prepare the SQLite database \(path): \(error)")
        }
    }

    /// Runs `pragma` again while another connection's lock makes it fail with `SQLITE_BUSY`, for up to 30 s:
    /// switching a file to WAL takes a lock for which SQLite does not wait itself (no busy handler), so processes
    /// (or stores) opening one new file at once would otherwise fail.
    private static func whileBusy<Result>(_ pragma: () async throws -> Result) async throws -> Result {
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while true {
            do {
                return try await pragma()
            } catch let failure as SQLiteFailure where failure.code & 0xFF == sqliteBusy {
                guard ContinuousClock.now < deadline else { throw failure }
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// SQLite's primary result code `SQLITE_BUSY`.
    private static let sqliteBusy: Int32 = 5

    package func withConnection<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await durablyOnWriter { try await body(database) }
    }

    package func read<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await body(readerDatabase)
    }

    package func transaction<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await durablyOnWriter { try await database.runTransaction(begin: "BEGIN IMMEDIATE", body) }
    }

    package func groupedTransaction<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await groupCommit.write(body)
    }

    /// Runs `body` on the writer's thread once every earlier user of the writer is done, and returns once what it
    /// committed is on disk.
    private func durablyOnWriter<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        let result = try await Self.onWriter(gate: gate, writer: writer, body)
        try await walFlush.flush()
        return result
    }

    /// Runs `body` on `writer`'s thread (its transactions run there from `BEGIN` to `COMMIT`), one caller at a time.
    private static func onWriter<Result: Sendable>(
        gate: SerialGate,
        writer: SQLiteFileConnection,
        _ body: () async throws -> Result
    ) async throws -> Result {
        try await gate.run { try await writer.onThread(body) }
    }

    /// How many times the store flushed its WAL file so far (one flush serves the commits made before it began).
    package var walFlushCount: Int { walFlush.flushCount }

    /// Copies committed pages from the WAL into the database file (a passive checkpoint: it waits for no reader or
    /// writer), until the task is cancelled: every `interval` while nothing is committed, every `whileWriting` while
    /// commits go on (and at first). Commits then only append to the WAL; without this, every few commits one copies
    /// the WAL itself while its batch waits. Under a steady stream of commits the short interval keeps the pages not
    /// yet copied few, so that when the WAL reaches the fallback size, the commit that copies the rest (and lets the
    /// WAL start over) holds up the writer for a moment only.
    package func runCheckpoints(
        every interval: Duration = .milliseconds(250),
        whileWriting writingInterval: Duration = .milliseconds(25)
    ) async {
        var previousVersion: SQLiteValue?
        var wait = writingInterval
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: wait)
                _ = try await checkpointer.run("PRAGMA wal_checkpoint(PASSIVE)", binds: [])
                // Changes whenever another connection (or process) committed since the last time it was read.
                let version = try await checkpointer.run("PRAGMA data_version", binds: []).rows.first?.first
                wait = version != nil && version == previousVersion ? interval : writingInterval
                previousVersion = version
            } catch is CancellationError {
                return
            } catch {
                // A checkpoint that cannot run now (e.g. another process's) is retried at the next interval; the
                // writer's fallback threshold bounds the WAL meanwhile.
                wait = interval
            }
        }
    }

    /// Closes the database and stops its threads; the database is unusable afterwards (statements throw).
    package func close() async throws {
        try await gate.run {
            try await checkpointer.stop()
            try await reader.stop()
            try await writer.stop()
            try await walFlush.stop()
        }
    }
}

/// Creates `path` as an empty file only its owner may read and write, unless it exists (an empty file is an empty
/// SQLite database). Of two processes starting at once, one creates it and both open it.
private func createOwnerOnlyFile(_ path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else {
        if errno == EEXIST { return }
        throw StoreError(.unavailable, "cannot create the SQLite database \(path)")
    }
    close(descriptor)
}
