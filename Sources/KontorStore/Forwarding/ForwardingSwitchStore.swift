import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// The hub-wide forwarding switch as the database keeps it (`hub_settings`, name `forwarding.active`), shared by
/// every hub process on the database: the forwarding flow reads it at each job (``HubForwardingSwitch``), the hub
/// API and the console change it, the configuration only seeds it (``seed(_:)``).
package struct ForwardingSwitchStore: HubForwardingSwitch {
    /// The switch's state.
    package struct State: Sendable, Equatable {
        /// Whether documents are forwarded.
        package var isActive: Bool
        /// When it was last set (seeded or changed); `nil` before it was ever stored.
        package var updatedAt: Date?
    }

    /// The setting's name in `hub_settings`.
    static let name = "forwarding.active"

    let queue: JobQueue

    /// The switch in `queue`'s database (migrated).
    package init(queue: JobQueue) {
        self.queue = queue
    }

    private var database: any StoreDatabase { queue.database }

    /// The switch as stored; on when nothing was stored yet.
    package func state() async throws -> State {
        try await database.read { db in try await Self.state(in: db) }
    }

    package func isForwardingActive() async throws -> Bool {
        try await state().isActive
    }

    /// Stores `initial` unless a value is stored already (a start with the configuration's value).
    /// - Returns: the state as stored afterwards: `initial` on the first start, else the stored value, which holds.
    @discardableResult
    package func seed(_ initial: Bool) async throws -> State {
        let now = queue.clock.nowMilliseconds
        return try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO hub_settings (name, value, updated_at) VALUES (\(bind: Self.name), \
                \(bind: String(initial)), \(bind: now)) ON CONFLICT (name) DO NOTHING
                """
            ).run()
            return try await Self.state(in: db)
        }
    }

    /// Switches forwarding on or off for every tenant. Switched on, every `pending` document is queued again in the
    /// same commit, so that what waited is forwarded by whichever process works its tenant.
    /// - Returns: the state as stored.
    package func set(_ isActive: Bool) async throws -> State {
        let now = queue.clock.nowMilliseconds
        let queue = queue
        return try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO hub_settings (name, value, updated_at) VALUES (\(bind: Self.name), \
                \(bind: String(isActive)), \(bind: now)) ON CONFLICT (name) DO UPDATE SET value = excluded.value, \
                updated_at = excluded.updated_at
                """
            ).run()
            if isActive { _ = try await ForwardingStore.resumePending(of: nil, queue: queue, in: db) }
            return try await Self.state(in: db)
        }
    }

    private static func state(in db: any SQLDatabase) async throws -> State {
        guard
            let row = try await db.raw("SELECT value, updated_at FROM hub_settings WHERE name = \(bind: name)")
                .first()
        else { return State(isActive: true, updatedAt: nil) }
        let value = try row.decode(column: "value", as: String.self)
        guard let isActive = Bool(value) else {
            throw StoreError(.inconsistent, "the hub-wide forwarding switch holds '\(value)', not true or false")
        }
        return State(
            isActive: isActive,
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
