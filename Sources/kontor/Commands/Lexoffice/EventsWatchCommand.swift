import ArgumentParser
import LexofficeKit
import Logging
import ServiceLifecycle
import UnixSignals

/// `kontor lexoffice events watch`: subscribes, receives events on a local HTTP server and prints each one with
/// the resource it is about, until Ctrl-C (or `--max-events`); the subscriptions are deleted at the end.
struct EventsWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch events live: subscribe, receive on 127.0.0.1, verify signatures, print each event.",
        discussion: """
            The receiver listens on --host/--port and is subscribed as http://HOST:PORT/ (enough for a sandbox). \
            lexoffice itself needs a public HTTPS URL: forward one (a tunnel) to the port and pass it as \
            --callback-url. Signatures are verified with lexoffice's published key (a sandbox's own key when \
            --base-url/--sandbox point elsewhere) or --public-key-file. --json prints one JSON object per line: \
            {"event": …, "resource": …}.
            """
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("event"), help: "An event type to watch, e.g. invoice.created (repeatable).")
    var events: [String] = []

    @Option(help: "The address the receiver listens on.")
    var host: String = "127.0.0.1"

    @Option(help: "The receiver's port (0 picks a free one).")
    var port: Int = 0

    @Option(help: "The public URL that forwards to the receiver (default: http://HOST:PORT/).")
    var callbackUrl: String?

    @Option(help: "A PEM file with the public key that verifies the signatures.")
    var publicKeyFile: String?

    @Option(help: "Stop after this many events.")
    var maxEvents: Int?

    func validate() throws {
        guard !events.isEmpty else { throw ValidationError("name at least one --event, e.g. --event contact.created") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (maxEvents ?? 1) >= 1 else { throw ValidationError("--max-events must be at least 1") }
    }

    func run() async throws {
        let client = try await connection.makeClient()
        let verifier = try await WebhookPublicKey.verifier(file: publicKeyFile, baseURL: connection.resolvedBaseURL)
        var logger = Logger(label: "kontor.events.watch")
        logger.logLevel = .warning
        let (callbacks, callbackSink) = AsyncStream.makeStream(of: WebhookCallback.self)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let receiver = WebhookReceiver(verifier: verifier, callbacks: callbackSink, console: .current)
        let server = receiver.server(host: host, port: port, logger: logger) { port in
            portSink.yield(port)
            portSink.finish()
        }
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer {
                    callbackSink.finish()
                    portSink.finish()
                }
                try await group.run()
            }
            for await boundPort in ports {
                let url = callbackUrl ?? "http://\(host):\(boundPort)/"
                try await watch(callbacks, at: url, client: client)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// Subscribes `url`, prints events until the stream ends or the limit is reached, then unsubscribes.
    private func watch(_ callbacks: AsyncStream<WebhookCallback>, at url: String, client: LexofficeClient) async throws
    {
        var subscriptions: [LexofficeID] = []
        do {
            for event in events {
                let subscription = NewEventSubscription(eventType: EventType(rawValue: event), callbackUrl: url)
                subscriptions.append(try await client.eventSubscriptions.create(subscription).id)
            }
            Console.current.note("watching \(events.joined(separator: ", ")) at \(url); Ctrl-C stops")
            try await printEvents(callbacks, client: client)
        } catch {
            await unsubscribe(subscriptions, client: client)
            throw error
        }
        await unsubscribe(subscriptions, client: client)
    }

    private func printEvents(_ callbacks: AsyncStream<WebhookCallback>, client: LexofficeClient) async throws {
        var count = 0
        for await callback in callbacks {
            var event = WatchedEvent(event: callback, resource: nil, resourceError: nil)
            do {
                event.resource = try await EventResource.fetch(for: callback, with: client)
            } catch let error as LexofficeError {
                event.resourceError = "\(error.code)"
            }
            try show(event)
            count += 1
            if let maxEvents, count >= maxEvents { return }
        }
    }

    private func show(_ event: WatchedEvent) throws {
        let console = Console.current
        if output.json {
            console.writeOutput(try OutputOptions.compactJSON(event))
            return
        }
        let callback = event.event
        console.line("\(callback.eventDate)  \(callback.eventType)  \(callback.resourceId)")
        if let error = event.resourceError { console.line("  (resource not readable: \(error))") }
        if let resource = event.resource {
            let fields = TextTable.fields(of: resource.leaves.map { (path: $0.path, value: $0.value.cellText) })
            console.line(fields.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        }
    }

    /// Deletes the subscriptions; a failure is reported, not thrown, so that the others are still deleted.
    private func unsubscribe(_ subscriptions: [LexofficeID], client: LexofficeClient) async {
        for id in subscriptions {
            do {
                try await client.eventSubscriptions.delete(id)
            } catch {
                Console.current.note("could not delete subscription \(id): \(error)")
            }
        }
    }
}

/// One line of `events watch --json`.
struct WatchedEvent: Encodable {
    /// The callback as lexoffice sent it.
    var event: WebhookCallback
    /// The resource it is about, read after the event arrived.
    var resource: JSONValue?
    /// Why the resource could not be read (an error code), if it could not.
    var resourceError: String?
}
