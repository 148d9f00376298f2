import NIOCore
import NIOPosix
import Synchronization

/// One SQLite connection with a thread of its own for the statements that may block: taking the write lock
/// (`BEGIN IMMEDIATE` waits up to `busy_timeout` for another process), a commit's disk flush, and anything outside
/// a transaction. Those never hold up the cooperative pool or an event loop that serves requests.
///
/// Statements inside an open transaction touch only pages the connection can read or has locked already, so they
/// run at once on the caller's thread: a transaction's statements cost no thread hops. Work run on the connection's
/// thread (``onThread(_:)``) runs every statement right there, `BEGIN` and `COMMIT` included.
/// The handle sits behind a lock; the store's gate makes sure that one task at a time uses a connection for
/// writing, so the lock is never waited for long.
package final class SQLiteFileConnection: Sendable {
    private let handle: Mutex<SQLiteHandle>
    private let thread: SQLiteThread
    /// Whether ``stop()`` was called, and how many statements are on their way to the thread.
    private let traffic = Mutex((isStopped: false, inFlight: 0))

    /// Opens the database file at `path`, with a new thread.
    /// - Throws: ``SQLiteFailure`` when the file cannot be opened (the thread is stopped again).
    package init(path: String) throws {
        let thread = SQLiteThread()
        do {
            handle = Mutex(try SQLiteHandle(path: path))
        } catch {
            thread.stopWithoutWaiting()
            throw error
        }
        self.thread = thread
    }

    /// The event loop of the connection's thread.
    package var eventLoop: any EventLoop { thread.eventLoop }

    /// Runs `body` on the connection's thread (as the task's preferred executor): a transaction in `body` runs there
    /// from `BEGIN` to `COMMIT`, without waiting for a thread of the cooperative pool between its statements.
    /// - Throws: ``SQLiteFailure/closed`` once the connection is stopped, or what `body` throws.
    package func onThread<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        // Counted like a statement: the thread stops only once no task may send it work.
        try traffic.withLock { traffic in
            guard !traffic.isStopped else { throw SQLiteFailure.closed }
            traffic.inFlight += 1
        }
        defer { traffic.withLock { $0.inFlight -= 1 } }
        return try await withTaskExecutorPreference(thread.taskExecutor) { try await body() }
    }

    /// Runs one statement, on the caller's thread when a transaction is open and the statement does not end it or
    /// when the caller runs on the connection's thread, else on the connection's thread.
    /// - Throws: ``SQLiteFailure``, also ``SQLiteFailure/closed`` once the connection is stopped.
    package func run(_ sql: String, binds: [SQLiteValue]) async throws -> SQLiteResult {
        if let result = try runHereIfInTransaction(sql, binds: binds) { return result }
        if thread.eventLoop.inEventLoop {
            return try handle.withLock { try $0.run(sql, binds: binds) }
        }
        // A stopped thread runs nothing, and a statement sent to it would never return: the thread is stopped only
        // once no statement is on its way.
        try traffic.withLock { traffic in
            guard !traffic.isStopped else { throw SQLiteFailure.closed }
            traffic.inFlight += 1
        }
        defer { traffic.withLock { $0.inFlight -= 1 } }
        return try await thread.perform { try self.handle.withLock { try $0.run(sql, binds: binds) } }
    }

    /// Closes the database and stops the thread once the statements under way are answered; later statements
    /// throw ``SQLiteFailure/closed``.
    package func stop() async throws {
        let wasRunning = traffic.withLock { traffic in
            defer { traffic.isStopped = true }
            return !traffic.isStopped
        }
        guard wasRunning else { return }
        while traffic.withLock({ $0.inFlight > 0 }) { try await Task.sleep(for: .milliseconds(1)) }
        handle.withLock { $0.close() }
        try await thread.stop()
    }

    private func runHereIfInTransaction(_ sql: String, binds: [SQLiteValue]) throws -> SQLiteResult? {
        guard !Self.endsTransaction(sql) else { return nil }
        return try handle.withLock { handle in
            guard handle.isInTransaction else { return nil }
            return try handle.run(sql, binds: binds)
        }
    }

    /// `COMMIT`, `END` and `ROLLBACK` (not `ROLLBACK TO`, which stays inside the transaction) flush or release locks.
    /// Looks at the first bytes only: this runs for every statement.
    private static func endsTransaction(_ sql: String) -> Bool {
        // Most statements start with another letter than C, E or R (ASCII letters upper-cased by clearing 0x20).
        let first = sql.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") }.map { $0 & 0xDF }
        switch first {
        case UInt8(ascii: "C"), UInt8(ascii: "E"), UInt8(ascii: "R"): break
        default: return false
        }
        var head = sql.utf8.prefix(12).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }
            .map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 32 : $0 }
        head.append(UInt8(ascii: " "))
        func starts(with word: String) -> Bool { head.starts(with: Array((word + " ").utf8)) }
        return starts(with: "COMMIT") || starts(with: "END")
            || (starts(with: "ROLLBACK") && !head.starts(with: Array("ROLLBACK TO".utf8)))
    }
}

/// A thread of its own as an actor's executor: what ``perform(_:)`` is given runs there.
private actor SQLiteThread {
    private let group: MultiThreadedEventLoopGroup
    nonisolated let eventLoop: any EventLoop
    nonisolated let taskExecutor: EventLoopTaskExecutor

    init() {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        eventLoop = group.next()
        taskExecutor = EventLoopTaskExecutor(eventLoop: eventLoop)
    }

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        eventLoop.executor.asUnownedSerialExecutor()
    }

    /// Runs `work` on the thread.
    func perform<Result: Sendable>(_ work: @Sendable () throws -> Result) throws -> Result {
        try work()
    }

    /// Stops the thread; nothing may be performed afterwards.
    nonisolated func stop() async throws {
        try await group.shutdownGracefully()
    }

    /// Stops the thread without waiting for it (a connection that could not be opened).
    nonisolated func stopWithoutWaiting() {
        group.shutdownGracefully { _ in }
    }
}

/// An event loop's thread as a task executor: the jobs of tasks that prefer it run there.
private final class EventLoopTaskExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
