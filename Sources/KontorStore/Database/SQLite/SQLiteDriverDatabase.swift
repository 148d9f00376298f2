import KontorSQLite
import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// An ``SQLiteFileConnection`` as SQLKit's `SQLDatabase`: SQLKit builds and serializes the statements (SQLite dialect),
/// binds and results are converted with SQLiteKit's encoder and decoder, so values read and write exactly as they
/// did through SQLiteNIO.
struct SQLiteDriverDatabase: SQLDatabase {
    let connection: SQLiteFileConnection
    let logger: Logger
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    init(connection: SQLiteFileConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    var eventLoop: any EventLoop { connection.eventLoop }

    var dialect: any SQLDialect { SQLiteDialect() }

    var queryLogLevel: Logger.Level? { .trace }

    func execute(
        sql query: any SQLExpression,
        _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = serialize(query)
        let values = try binds.map { bind in
            // The common kinds directly, as the encoder would give them; everything else through it.
            switch bind {
            case let text as String: SQLiteValue.text(text)
            case let integer as Int64: SQLiteValue.integer(integer)
            case let integer as Int: SQLiteValue.integer(Int64(integer))
            default: SQLiteValue(try encoder.encode(bind))
            }
        }
        logger.trace("\(sql)")
        let result = try await connection.run(sql, binds: values)
        for values in result.rows {
            onRow(SQLiteResultRow(columns: result.columns, values: values, decoder: decoder))
        }
    }
}
