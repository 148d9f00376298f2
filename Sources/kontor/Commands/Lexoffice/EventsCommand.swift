import ArgumentParser
import LexofficeKit

/// `kontor lexoffice events …`: webhook subscriptions, and watching events arrive.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Event subscriptions (webhooks): subscribe, list, delete, and watch events live.",
        subcommands: [Subscribe.self, List.self, Delete.self, EventsWatchCommand.self]
    )

    /// `events subscribe --event TYPE… --callback-url URL`.
    struct Subscribe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Subscribe a callback URL (HTTPS) to event types; prints the subscription ids."
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Option(name: .customLong("event"), help: "An event type, e.g. invoice.status.changed (repeatable).")
        var events: [String]

        @Option(help: "The HTTPS URL lexoffice posts the events to.")
        var callbackUrl: String

        func run() async throws {
            let client = try await connection.makeClient()
            var results: [ActionResult] = []
            for event in events {
                let subscription = NewEventSubscription(eventType: EventType(rawValue: event), callbackUrl: callbackUrl)
                results.append(try await client.eventSubscriptions.create(subscription))
            }
            try output.list(results, columns: [TableColumn("Subscription", "id")])
        }
    }

    /// `events list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the event subscriptions of this API key.")

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try output.list(
                try await connection.makeClient().eventSubscriptions.list(),
                columns: [
                    TableColumn("Event", "eventType"), TableColumn("Callback URL", "callbackUrl"),
                    TableColumn.date("Created", "createdDate"), TableColumn("ID", "subscriptionId"),
                ]
            )
        }
    }

    /// `events delete ID…`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete event subscriptions.")

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The subscriptions' ids.")
        var ids: [String]

        func run() async throws {
            let client = try await connection.makeClient()
            let ids = try ids.map(LexofficeID.init)
            for id in ids { try await client.eventSubscriptions.delete(id) }
            try output.report("deleted \(ids.count) subscription(s)", json: ["deleted": ids.map(\.rawValue)])
        }
    }
}
