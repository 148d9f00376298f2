import Configuration
import Foundation
import KontorFlows
import KontorServer
import KontorStore
import LexofficeKit

/// A configuration value that stops `kontor serve` from starting; names the key.
package struct ConfigurationError: Error, CustomStringConvertible {
    /// The dotted key, e.g. `http.port` (environment `KONTOR_HTTP_PORT`).
    package var key: String
    /// What is wrong with it.
    package var detail: String

    /// An error for `key`.
    package init(key: String, detail: String) {
        self.key = key
        self.detail = detail
    }

    /// The key and the problem.
    package var description: String { "configuration \(key): \(detail)" }
}

/// How `kontor serve` runs: read from flags, `KONTOR_*` environment variables, `kontor.json` and defaults
/// (DESIGN.md §8). The defaults are the embedded setup: SQLite in `kontor-data/` and the built-in sandbox.
package struct HubConfiguration: Sendable {
    /// The address to listen on.
    package var host: String
    /// The port to listen on (0: any free port).
    package var port: Int
    /// The database.
    package var database: DatabaseLocation
    /// The most connections one process opens to PostgreSQL.
    package var databaseConnections: Int
    /// The hub's public URL; `nil` means `http://host:port` (known once listening).
    package var publicURL: String?
    /// The lexoffice API root; `nil` runs the embedded sandbox under `/sandbox/v1`.
    package var lexofficeURL: String?
    /// The PEM file with lexoffice's webhook public key (required with ``lexofficeURL``).
    package var lexofficeWebhookKeyFile: String?
    /// The events the hub subscribes to for each connected tenant besides those it acts on
    /// (``HubServerConfiguration/requiredEvents``); they are recorded in the tenant's activity log.
    package var additionalEvents: [EventType]
    /// The hub's OAuth2 application at lexoffice (client id and secret); `nil` for API keys only. With the embedded
    /// sandbox its demo application is used.
    package var oauthClientID: String?
    /// The OAuth2 client secret.
    package var oauthClientSecret: String?
    /// The OAuth2 scopes the hub asks for when a tenant connects.
    package var oauthScopes: [String]
    /// Whether callbacks may go to loopback, link-local, private (RFC 1918, fc00::/7, 100.64/10) and the hub's own
    /// addresses (a source application on the LAN).
    package var callbacksAllowPrivate: Bool
    /// The master key for secrets at rest (base64 of 32 bytes); `nil` uses the key file in the data folder.
    package var masterKey: String?
    /// Where the SQLite file, the master key file and the sandbox state live.
    package var dataDirectory: String

    /// The policy for tenants' own drop folders: below `forwarding.dropfolder.allowed`, clear of the data folder and
    /// the shared drop folder root.
    package var dropFolderPolicy: DropFolderPolicy {
        forwarding.dropFolderPolicy(dataFolder: URL(fileURLWithPath: dataDirectory).standardizedFileURL.path)
    }
    /// How many tenants one process works on at once.
    package var workerTenants: Int
    /// How many tenants one process works on at once while its intake (webhooks, invoice saves) is busy.
    package var workerTenantsWhileIntakeBusy: Int
    /// The hub-wide forwarding switch (issue 26).
    package var forwarding: ForwardingConfiguration
    /// How long a worker's tenant lease lasts without renewal (a crashed worker's tenants wait this long).
    package var workerLease: Duration
    /// The embedded sandbox's rate limit per API key (requests per second); `nil` turns it off.
    package var sandboxRateLimit: Double?
    /// Requests per second the hub sends on one lexoffice connection (lexoffice allows 2).
    package var lexofficeRequestsPerSecond: Double
    /// How long after a write with an unknown outcome the hub waits before it looks for the document in lexoffice.
    package var reconciliationDelay: Duration
    /// How long after such a write the hub still looks for the document (once more) before it sends it again.
    package var reconciliationWindow: Duration
    /// How long a transfer keeps retrying after its first failure (a lexoffice outage) before it fails.
    package var transferRetryWindow: Duration
    /// How long a callback keeps being retried after its first failure (the source unreachable) before it is dead.
    package var callbackRetryWindow: Duration

    /// Reads the configuration.
    ///
    /// ## Configuration keys
    /// - `http.host` (string, default `127.0.0.1`), `http.port` (int, default `8080`, 0–65535).
    /// - `database.url` (string, default `<data.dir>/kontor.sqlite`): `postgres://…` or an SQLite file.
    /// - `database.connections` (int, default: `workers.tenants` up to 56, plus 8 for the API; 1–1000): the most
    ///   connections one process opens to PostgreSQL (its server's `max_connections` must cover every process).
    /// - `public.url` (string, optional): the URL lexoffice and source applications reach the hub at.
    /// - `lexoffice.url` (string, optional): e.g. `https://api.lexware.io/v1`; without it the embedded sandbox is used.
    /// - `lexoffice.webhook.key.file` (string, required with `lexoffice.url`): lexoffice's webhook public key (PEM).
    /// - `lexoffice.events` (string, optional): more lexoffice event types to subscribe to on connect, separated by
    ///   commas (e.g. `contact.changed,invoice.created`); they are recorded in the tenant's activity log. The hub
    ///   always subscribes to `invoice.status.changed` and `token.revoked`, which it acts on.
    /// - `lexoffice.oauth.client.id`, `lexoffice.oauth.client.secret` (strings, the secret is secret, optional, both
    ///   or neither): the hub's lexoffice OAuth2 application; its redirect URI is `<public.url>/oauth/callback`.
    /// - `lexoffice.oauth.scopes` (string, optional): the OAuth2 scopes the hub asks for, separated by commas;
    ///   default ``HubServerConfiguration/defaultScopes`` (every flow's; partly unconfirmed scope names).
    /// - `callbacks.allow.private` (bool, default `false`): let callbacks go to loopback, link-local, private
    ///   (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) and the hub's own addresses, for a source application on
    ///   the LAN. Without it such receivers are refused, so that a callback URL cannot probe the hub's network.
    /// - `forwarding.active` (bool, optional): the initial value of the hub-wide forwarding switch, stored in the
    ///   database on the first start and changed there afterwards (`PUT /api/v1/forwarding`, the console); see
    ///   ``ForwardingConfiguration``. Off, documents are still received and wait.
    /// - `forwarding.dropfolder.dir` (string, optional): the root of the tenants' drop folders
    ///   (`<dir>/<tenant>/incoming|outgoing/`); none without it (a tenant's own drop folder is polled either way).
    /// - `forwarding.dropfolder.poll.seconds` (number, default `5`, 1–3600): how often they are polled.
    /// - `forwarding.dropfolder.allowed` (string, optional): comma-separated absolute folders below which a tenant's
    ///   own drop folder may lie; without it tenants cannot have folders of their own (``DropFolderPolicy``).
    /// - `master.key` (string, secret, optional): base64 of 32 bytes; default: `<data.dir>/master.key`, created once.
    /// - `data.dir` (string, default `kontor-data`).
    /// - `workers.tenants` (int, default `256`, 0–1024): tenants one process works on at once. Each connection may
    ///   send 2 requests/s, so a partner transferring for N tenants at once wants N here (or N over processes).
    ///   `0`: the process runs no jobs, it only serves the API and webhooks (other processes on the same
    ///   PostgreSQL database work the queue).
    /// - `workers.tenants.while.intake.busy` (int, default `1`, 1–1024): tenants one process works on at once while
    ///   16 or more webhook deliveries or invoice saves run in it at once (and 250 ms after). Background work yields
    ///   to a burst, so that lexoffice and the sources get their answers fast, and catches up after it; with a
    ///   value ≥ `workers.tenants` it never yields.
    /// - `workers.lease.seconds` (number, default `30`, 1–600): how long a worker's lease of a tenant lasts without
    ///   renewal (renewed every third of it): after a crash the tenant's work waits this long for another process.
    /// - `sandbox.rate.limit` (number, default `2`; `0` turns it off).
    /// - `lexoffice.rate` (number, default `2`, above 0): requests per second per lexoffice connection. lexoffice
    ///   allows 2; raise it only against a sandbox without rate limit (tests, demos, benchmarks).
    /// - `transfer.reconciliation.delay` (number of seconds, default `10`, 0–3600): how long after a write whose
    ///   outcome is unknown (timeout, 504, dropped connection, crash) the hub waits before it looks the document up
    ///   in lexoffice, and only then sends it again if it is not there. lexoffice's lists may lag behind a write
    ///   (replication); the delay must exceed that lag, or a document could be created twice. Unconfirmed how long
    ///   the lag can be: 10 s is our estimate.
    /// - `transfer.reconciliation.window` (number of seconds, default `60`, from the delay up to 86400): when the
    ///   look-up after the delay does not find the document, it is looked up once more this long after the write,
    ///   and only then sent again; a safety margin for an unusually long lag.
    /// - `transfer.retry.hours` (number, default `24`, 1–720): how long an invoice transfer keeps retrying after its
    ///   first failure (lexoffice unreachable, 5xx, 429) before it ends `failed`; the waits grow to an hour.
    /// - `callbacks.retry.hours` (number, default `72`, 1–720): the same for callbacks to the source application.
    /// - Throws: ``ConfigurationError`` naming the first invalid key.
    package init(config: ConfigReader) throws {
        host = config.string(forKey: "http.host", default: "127.0.0.1")
        port = try Self.integer(config, "http.port", default: 8080, range: 0...65535)
        dataDirectory = config.string(forKey: "data.dir", default: "kontor-data")
        let databaseText = config.string(forKey: "database.url") ?? dataDirectory + "/kontor.sqlite"
        do {
            database = try DatabaseLocation(parsing: databaseText)
        } catch {
            throw ConfigurationError(key: "database.url", detail: error.detail)
        }
        publicURL = try config.string(forKey: "public.url").map { try Self.httpURL($0, key: "public.url") }
        lexofficeURL = try config.string(forKey: "lexoffice.url").map { try Self.httpURL($0, key: "lexoffice.url") }
        lexofficeWebhookKeyFile = config.string(forKey: "lexoffice.webhook.key.file")
        if lexofficeURL != nil, lexofficeWebhookKeyFile == nil {
            throw ConfigurationError(
                key: "lexoffice.webhook.key.file",
                detail: "is required with lexoffice.url: download lexoffice's public key for webhook signatures"
            )
        }
        additionalEvents = try Self.events(config.string(forKey: "lexoffice.events") ?? "")
        oauthClientID = config.string(forKey: "lexoffice.oauth.client.id")
        oauthClientSecret = config.string(forKey: "lexoffice.oauth.client.secret", isSecret: true)
        if (oauthClientID == nil) != (oauthClientSecret == nil) {
            throw ConfigurationError(
                key: oauthClientID == nil ? "lexoffice.oauth.client.id" : "lexoffice.oauth.client.secret",
                detail: "set both lexoffice.oauth.client.id and lexoffice.oauth.client.secret, or neither"
            )
        }
        oauthScopes = try Self.scopes(config.string(forKey: "lexoffice.oauth.scopes"))
        callbacksAllowPrivate = try Self.flag(config, "callbacks.allow.private")
        let forwardingSwitch =
            config.bool(forKey: "forwarding.active") != nil
            || config.string(forKey: "forwarding.active") != nil
        let pollSeconds = try Self.number(config, "forwarding.dropfolder.poll.seconds", default: 5)
        guard (1...3600).contains(pollSeconds) else {
            throw ConfigurationError(key: "forwarding.dropfolder.poll.seconds", detail: "must be 1 to 3600 seconds")
        }
        forwarding = ForwardingConfiguration(
            initiallyActive: forwardingSwitch ? try Self.flag(config, "forwarding.active") : nil,
            dropFolder: config.string(forKey: "forwarding.dropfolder.dir"),
            dropFolderInterval: .seconds(pollSeconds),
            allowedDropFolders: try Self.absoluteFolders(config, "forwarding.dropfolder.allowed")
        )
        masterKey = config.string(forKey: "master.key", isSecret: true)
        workerTenants = try Self.integer(config, "workers.tenants", default: 256, range: 0...1024)
        databaseConnections = try Self.integer(
            config,
            "database.connections",
            default: min(workerTenants, 56) + 8,
            range: 1...1000
        )
        workerTenantsWhileIntakeBusy = try Self.integer(
            config,
            "workers.tenants.while.intake.busy",
            default: 1,
            range: 1...1024
        )
        let lease = try Self.number(config, "workers.lease.seconds", default: 30)
        guard (1...600).contains(lease) else {
            throw ConfigurationError(key: "workers.lease.seconds", detail: "must be 1 to 600 seconds")
        }
        workerLease = .seconds(lease)
        let rate = try Self.number(config, "sandbox.rate.limit", default: 2)
        guard rate >= 0 else { throw ConfigurationError(key: "sandbox.rate.limit", detail: "must be a number ≥ 0") }
        sandboxRateLimit = rate == 0 ? nil : rate
        lexofficeRequestsPerSecond = try Self.number(config, "lexoffice.rate", default: 2)
        guard lexofficeRequestsPerSecond > 0 else {
            throw ConfigurationError(key: "lexoffice.rate", detail: "must be a number above 0")
        }
        let delay = try Self.number(config, "transfer.reconciliation.delay", default: 10)
        guard (0...3600).contains(delay) else {
            throw ConfigurationError(key: "transfer.reconciliation.delay", detail: "must be 0 to 3600 seconds")
        }
        reconciliationDelay = .seconds(delay)
        let window = try Self.number(config, "transfer.reconciliation.window", default: max(60, delay))
        guard (delay...86400).contains(window) else {
            throw ConfigurationError(
                key: "transfer.reconciliation.window",
                detail: "must be from transfer.reconciliation.delay (\(delay)) to 86400 seconds"
            )
        }
        reconciliationWindow = .seconds(window)
        transferRetryWindow = try Self.hours(config, "transfer.retry.hours", default: 24)
        callbackRetryWindow = try Self.hours(config, "callbacks.retry.hours", default: 72)
    }

    /// A number of hours, 1–720, as a duration.
    private static func hours(_ config: ConfigReader, _ key: ConfigKey, default value: Double) throws -> Duration {
        let hours = try number(config, key, default: value)
        guard (1...720).contains(hours) else {
            throw ConfigurationError(key: "\(key)", detail: "must be 1 to 720 hours")
        }
        return .seconds(hours * 3600)
    }

    private static func number(_ config: ConfigReader, _ key: ConfigKey, default value: Double) throws -> Double {
        if let number = config.double(forKey: key) { return number }
        // A whole number (e.g. `30` in a JSON file) is a number too.
        if let number = config.int(forKey: key) { return Double(number) }
        guard let text = config.string(forKey: key) else { return value }
        guard let number = Double(text), number.isFinite else {
            throw ConfigurationError(key: "\(key)", detail: "must be a number")
        }
        return number
    }

    private static func integer(
        _ config: ConfigReader,
        _ key: ConfigKey,
        default value: Int,
        range: ClosedRange<Int>
    )
        throws -> Int
    {
        let number: Int?
        if let integer = config.int(forKey: key) {
            number = integer
        } else if let text = config.string(forKey: key) {
            number = Int(text)
        } else {
            return value
        }
        guard let number, range.contains(number) else {
            throw ConfigurationError(
                key: "\(key)",
                detail: "must be an integer in \(range.lowerBound)...\(range.upperBound)"
            )
        }
        return number
    }

    /// The scopes of a comma-separated list; the default scopes without one.
    private static func scopes(_ text: String?) throws -> [String] {
        guard let text else { return HubServerConfiguration.defaultScopes }
        var scopes: [String] = []
        for scope in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !scope.isEmpty {
            guard scope.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._:".contains($0)) }) else {
                throw ConfigurationError(key: "lexoffice.oauth.scopes", detail: "'\(scope)' is not a scope name")
            }
            if !scopes.contains(scope) { scopes.append(scope) }
        }
        guard !scopes.isEmpty else {
            throw ConfigurationError(key: "lexoffice.oauth.scopes", detail: "must name at least one scope")
        }
        return scopes
    }

    /// A boolean: `true`/`false` in JSON or as text (`KONTOR_…=true`).
    private static func flag(_ config: ConfigReader, _ key: ConfigKey) throws -> Bool {
        if let flag = config.bool(forKey: key) { return flag }
        guard let text = config.string(forKey: key) else { return false }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw ConfigurationError(key: "\(key)", detail: "must be true or false")
        }
    }

    /// A comma-separated list of absolute folders (none when the key is missing).
    private static func absoluteFolders(_ config: ConfigReader, _ key: ConfigKey) throws -> [String] {
        let folders = (config.string(forKey: key) ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return try folders.filter { !$0.isEmpty }.map { folder in
            guard let normalized = DropFolderPolicy.normalized(folder) else {
                throw ConfigurationError(key: "\(key)", detail: "'\(folder)' is not an absolute folder")
            }
            return normalized
        }
    }

    /// The event types of a comma-separated list; each must be one lexoffice documents.
    private static func events(_ text: String) throws -> [EventType] {
        var events: [EventType] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            let event = EventType(rawValue: name)
            guard EventType.documentedValues.contains(event) else {
                throw ConfigurationError(key: "lexoffice.events", detail: "'\(name)' is not a lexoffice event type")
            }
            if !events.contains(event) { events.append(event) }
        }
        return events
    }

    private static func httpURL(_ text: String, key: String) throws -> String {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
        else {
            throw ConfigurationError(key: key, detail: "must be an absolute http(s) URL")
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}
