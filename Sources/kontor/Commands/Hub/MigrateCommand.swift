import ArgumentParser
import KontorStore
import Logging

/// `kontor migrate`: brings the hub database's schema up to date (also done on every start of `kontor serve`).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the hub database schema."
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let location = try store.location()
        let versions = try await store.withMigratedDatabase { database in
            try await Migrator(database: database, logger: .init(label: "kontor.migrate")).appliedVersions()
        }
        Console.current.line("\(location): schema version \(versions.last ?? 0) (\(versions.count) migrations applied)")
    }
}
