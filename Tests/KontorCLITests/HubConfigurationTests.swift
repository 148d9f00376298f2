import Configuration
import KontorFlows
import KontorServer
import LexofficeKit
import Testing

@testable import kontor

/// The hub's configuration keys read from a provider: defaults, accepted values and the key named on a bad one.
@Suite("Hub configuration")
struct HubConfigurationTests {
    private func configuration(_ values: [AbsoluteConfigKey: ConfigValue]) throws -> HubConfiguration {
        try HubConfiguration(config: ConfigReader(provider: InMemoryProvider(values: values)))
    }

    @Test("defaults: 256 worker tenants (1 while the intake is busy), 2 requests/s, in-doubt look-ups at 10 s and 60 s")
    func defaults() throws {
        let defaults = try configuration([:])
        #expect(defaults.workerTenants == 256)
        #expect(defaults.workerTenantsWhileIntakeBusy == 1)
        #expect(defaults.lexofficeRequestsPerSecond == 2)
        #expect(defaults.reconciliationDelay == .seconds(10))
        #expect(defaults.reconciliationWindow == .seconds(60))
        #expect(defaults.transferRetryWindow == .seconds(24 * 3600))
        #expect(defaults.workerLease == .seconds(30))
        #expect(try configuration(["workers.lease.seconds": 3]).workerLease == .seconds(3))
        #expect(defaults.callbackRetryWindow == .seconds(72 * 3600))
        #expect(defaults.additionalEvents.isEmpty)
        #expect(defaults.oauthScopes == HubServerConfiguration.defaultScopes)
        #expect(!defaults.callbacksAllowPrivate, "callbacks to private networks are refused by default")
        #expect(
            try configuration(["transfer.reconciliation.delay": 90]).reconciliationWindow == .seconds(90),
            "the window's default is never shorter than the delay"
        )
    }

    @Test("forwarding.active is unset by default, read as a bool or as text; the drop folder is off without a dir")
    func forwardingSwitch() throws {
        let defaults = try configuration([:])
        #expect(defaults.forwarding.initiallyActive == nil)
        #expect(defaults.forwarding.dropFolder == nil)
        #expect(try configuration(["forwarding.active": false]).forwarding.initiallyActive == false)
        #expect(try configuration(["forwarding.active": "false"]).forwarding.initiallyActive == false)
        #expect(try configuration(["forwarding.active": true]).forwarding.initiallyActive == true)
        let folder = try configuration([
            "forwarding.dropfolder.dir": "/srv/inbox", "forwarding.dropfolder.poll.seconds": 30,
        ])
        #expect(folder.forwarding.dropFolder == "/srv/inbox")
        #expect(folder.forwarding.dropFolderInterval == .seconds(30))
        #expect(folder.forwarding.allowedDropFolders.isEmpty, "no folders of tenants' own unless allowed")
        let allowed = try configuration(["forwarding.dropfolder.allowed": "/srv/scans/, /mnt//export"])
        #expect(allowed.forwarding.allowedDropFolders == ["/srv/scans", "/mnt/export"])
        #expect(allowed.dropFolderPolicy.reserved.first?.hasSuffix("/kontor-data") == true, "the data folder")
        #expect(throws: ConfigurationError.self) { try configuration(["forwarding.dropfolder.allowed": "scans"]) }
        let invalid = #expect(throws: ConfigurationError.self) {
            try configuration(["forwarding.active": "sometimes"])
        }
        #expect(invalid?.key == "forwarding.active")
        let interval = #expect(throws: ConfigurationError.self) {
            try configuration(["forwarding.dropfolder.poll.seconds": 0])
        }
        #expect(interval?.key == "forwarding.dropfolder.poll.seconds")
    }

    @Test("workers.tenants 0 (a receive-only process) and a reconciliation delay in fractions of seconds are read")
    func acceptedValues() throws {
        let read = try configuration([
            "workers.tenants": 0, "transfer.reconciliation.delay": 2.5, "workers.tenants.while.intake.busy": 16,
        ])
        #expect(read.workerTenants == 0)
        #expect(read.workerTenantsWhileIntakeBusy == 16)
        #expect(read.reconciliationDelay == .milliseconds(2_500))
        #expect(try configuration(["transfer.reconciliation.delay": "30"]).reconciliationDelay == .seconds(30))
        let window = try configuration(["transfer.reconciliation.delay": 5, "transfer.reconciliation.window": 5])
        #expect(window.reconciliationWindow == .seconds(5))
        let retries = try configuration(["transfer.retry.hours": 48, "callbacks.retry.hours": 1.5])
        #expect(retries.transferRetryWindow == .seconds(48 * 3600))
        #expect(retries.callbackRetryWindow == .seconds(5400))
        let events = try configuration(["lexoffice.events": " contact.changed, invoice.created,contact.changed,"])
        #expect(events.additionalEvents == [.contactChanged, .invoiceCreated])
        let scopes = try configuration(["lexoffice.oauth.scopes": "profile.read, invoices.write,profile.read"])
        #expect(scopes.oauthScopes == ["profile.read", "invoices.write"])
        #expect(try configuration(["callbacks.allow.private": true]).callbacksAllowPrivate)
        #expect(
            try configuration(["callbacks.allow.private": "true"]).callbacksAllowPrivate,
            "as the environment has it"
        )
    }

    @Test("the default scopes cover every flow: invoices and credit notes read and written, payments read")
    func defaultScopes() {
        let scopes = Set(HubServerConfiguration.defaultScopes)
        let needed: Set = [
            "profile.read", "contacts.read", "contacts.write", "invoices.read", "invoices.write", "credit-notes.read",
            "credit-notes.write", "vouchers.read", "vouchers.write", "voucherlist.read", "payments.read", "files.read",
            "files.write", "event-subscriptions.read", "event-subscriptions.write",
        ]
        #expect(needed.isSubset(of: scopes), "missing: \(needed.subtracting(scopes).sorted())")
    }

    @Test(
        "out-of-range or malformed values name their key",
        arguments: [
            ("workers.tenants", -1 as ConfigValue), ("workers.tenants", 1025 as ConfigValue),
            ("workers.tenants.while.intake.busy", 0 as ConfigValue),
            ("workers.tenants.while.intake.busy", 1025 as ConfigValue),
            ("transfer.reconciliation.delay", -1.0 as ConfigValue),
            ("transfer.reconciliation.delay", 3601.0 as ConfigValue),
            ("transfer.reconciliation.delay", "soon" as ConfigValue), ("lexoffice.rate", 0.0 as ConfigValue),
            ("transfer.reconciliation.window", 9.0 as ConfigValue),
            ("transfer.reconciliation.window", 86401.0 as ConfigValue),
            ("lexoffice.events", "invoice.created,invoice.printed" as ConfigValue),
            ("transfer.retry.hours", 0.5 as ConfigValue), ("callbacks.retry.hours", 721 as ConfigValue),
            ("workers.lease.seconds", 0 as ConfigValue), ("lexoffice.oauth.scopes", " , " as ConfigValue),
            ("lexoffice.oauth.scopes", "invoices.read invoices.write" as ConfigValue),
            ("callbacks.allow.private", "maybe" as ConfigValue),
        ] as [(String, ConfigValue)]
    )
    func rejectedValues(key: String, value: ConfigValue) throws {
        let error = #expect(throws: ConfigurationError.self) {
            try configuration([AbsoluteConfigKey(key.split(separator: ".").map(String.init)): value])
        }
        #expect(error?.key == key)
    }
}
