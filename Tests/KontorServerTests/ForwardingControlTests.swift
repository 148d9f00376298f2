import Foundation
import HTTPTypes
import KontorCore
import KontorFlows
import KontorServer
import KontorStore
import LexofficeKit
import Synchronization
import Testing

@testable import kontor

/// Forwarding's switches, drop folders, contact matching, delivery dates and callbacks (issue 26), over HTTP against
/// the sandbox, on real SQLite files.
@Suite("Forwarding: switches, drop folders, contacts, callbacks", .timeLimit(.minutes(3)))
struct ForwardingControlTests {
    private typealias Forwarding = ForwardingTests
    private static let scan = Data("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)

    @Test(
        "the hub-wide switch changes at runtime: running workers hold documents while it is off and forward them when on"
    )
    func hubSwitchAtRuntime() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Forwarding.forwardingTenant(hub)
            let initial = try await hub.send(.get, "/api/v1/forwarding").json()
            #expect(initial["active"] as? Bool == true)
            for (body, pointer) in [
                ("{}", "#/active"), (#"{"active":"no"}"#, "#/active"), (#"{"active":null}"#, "#/active"),
            ] {
                let invalid = try await hub.send(.put, "/api/v1/forwarding", json: body)
                #expect(invalid.status == 422, "\(body): \(invalid.body)")
                #expect(invalid.headers["content-type"]?.hasPrefix("application/problem+json") == true)
                let pointers = (try invalid.json()["errors"] as? [[String: Any]])?.compactMap {
                    $0["pointer"] as? String
                }
                #expect(pointers == [pointer], "\(body): \(invalid.body)")
            }
            let off = try await hub.send(.put, "/api/v1/forwarding", json: #"{"active":false}"#)
            #expect(try off.json()["active"] as? Bool == false)
            #expect(try off.json()["updatedAt"] as? String != nil)

            let posted = try await Forwarding.post(hub, externalID: "while-off", file: ("scan.pdf", Self.scan))
            let id = try #require(try posted.json()["id"] as? String)
            let switchedOn = Mutex(false)
            let forwarded = try await hub.runWorkers(timeout: .seconds(30)) {
                let document = try await Forwarding.document(hub, id)
                let waits = (document["reason"] as? String)?.contains("switched off for the whole hub") == true
                if waits, !switchedOn.withLock({ $0 }) {
                    #expect(document["state"] as? String == "pending")
                    #expect(try await Transfers.journal(hub).filter { $0 == "POST /v1/files" }.isEmpty)
                    let on = try await hub.send(.put, "/api/v1/forwarding", json: #"{"active":true}"#)
                    #expect(on.status == 200, "\(on.body)")
                    switchedOn.withLock { $0 = true }
                }
                return document["state"] as? String == "forwarded"
            }
            #expect(forwarded, "the same workers forwarded the document after the switch, without a restart")
            #expect(switchedOn.withLock { $0 })
        }
    }

    private typealias Transfers = InvoiceTransferTests

    @Test("forwarding.active only seeds the stored switch: a later start with another value leaves it as stored")
    func configurationSeedsTheSwitch() async throws {
        try await HubHarness.with { hub in
            let store = ForwardingSwitchStore(queue: JobQueue(database: hub.database))
            #expect(try await store.state().updatedAt == nil)
            try await HubForwardingStart.run(
                ForwardingConfiguration(initiallyActive: false),
                database: hub.database,
                logger: HubHarness.logger
            )
            #expect(try await store.state().isActive == false)
            try await HubForwardingStart.run(
                ForwardingConfiguration(initiallyActive: true),
                database: hub.database,
                logger: HubHarness.logger
            )
            #expect(try await store.state().isActive == false, "the stored switch holds")
            _ = try await store.set(true)
            try await HubForwardingStart.run(
                ForwardingConfiguration(),
                database: hub.database,
                logger: HubHarness.logger
            )
            #expect(try await store.isForwardingActive())
        }
    }

    @Test(
        "a document of an inactive tenant is skipped with the reason, with a callback; activated, a retry forwards it"
    )
    func inactiveTenant() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Forwarding.forwardingTenant(hub)
            #expect(try await hub.send(.post, "/api/v1/tenants/acme/deactivate").status == 200)
            let posted = try await Forwarding.post(hub, externalID: "inactive", file: ("scan.pdf", Self.scan))
            let id = try #require(try posted.json()["id"] as? String)
            #expect(try await hub.runWorkers { try await Forwarding.all(hub, [id], are: "skipped") })
            let skipped = try await Forwarding.document(hub, id)
            #expect((skipped["reason"] as? String)?.contains("the tenant is inactive") == true, "\(skipped)")
            #expect(try await Transfers.journal(hub).filter { $0 == "POST /v1/files" }.isEmpty)

            #expect(try await hub.send(.post, "/api/v1/tenants/acme/activate").status == 200)
            #expect(try await hub.send(.post, "/api/v1/tenants/acme/documents/\(id)/retry").status == 202)
            #expect(try await hub.runWorkers { try await Forwarding.all(hub, [id], are: "forwarded") })

            let callbacks = try await Transfers.callbacks(hub).filter { $0.type.hasPrefix("document.") }
            #expect(callbacks.map(\.type) == ["document.skipped", "document.forwarded"])
            #expect(
                callbacks.allSatisfy {
                    $0.data["id"] as? String == id && $0.data["externalId"] as? String == "inactive"
                }
            )
            #expect((callbacks.first?.data["reason"] as? String)?.contains("inactive") == true)
            #expect(callbacks.last?.data["fileId"] as? String != nil)
            #expect(callbacks.last?.data["direction"] as? String == "incoming")
        }
    }

    @Test("a failed document sends document.failed with the reason")
    func failedCallback() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Forwarding.forwardingTenant(hub)
            let rule =
                #"{"path":"/v1/files","method":"POST","action":"failBeforeExecution","status":400,"remaining":1}"#
            let fault = try await InvoiceTransferFlowTests.admin(hub, "faults", body: rule)
            try #require(fault == 201, "the sandbox takes a fault rule answering 400")
            let posted = try await Forwarding.post(hub, externalID: "refused", file: ("scan.pdf", Self.scan))
            let id = try #require(try posted.json()["id"] as? String)
            #expect(try await hub.runWorkers { try await Forwarding.all(hub, [id], are: "failed") })
            let callbacks = try await Transfers.callbacks(hub).filter { $0.type.hasPrefix("document.") }
            #expect(callbacks.map(\.type) == ["document.failed"])
            #expect(callbacks.first?.data["reason"] as? String != nil)
        }
    }

    @Test("a tenant's own drop folder: an absolute path (422 otherwise), polled with the same rules")
    func tenantDropFolder() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Forwarding.forwardingTenant(hub)
            let relative = try await hub.send(
                .patch,
                "/api/v1/tenants/acme",
                json: #"{"forwarding":{"dropFolder":"scans/acme"}}"#
            )
            #expect(relative.status == 422)
            let pointers = (try relative.json()["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String }
            #expect(pointers == ["#/forwarding/dropFolder"])
            for refused in ["/var/spool/postfix", FileManager.default.temporaryDirectory.path + "/x/../y"] {
                let answer = try await hub.send(
                    .patch,
                    "/api/v1/tenants/acme",
                    json: #"{"forwarding":{"dropFolder":"\#(refused)"}}"#
                )
                #expect(answer.status == 422, "\(refused): \(answer.body)")
                #expect(answer.body.contains("#/forwarding/dropFolder"))
            }

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kontor-own-\(UUID().uuidString)"
            )
            defer { try? FileManager.default.removeItem(at: folder) }
            let incoming = folder.appendingPathComponent("incoming")
            try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
            let set = try await hub.send(
                .patch,
                "/api/v1/tenants/acme",
                json: #"{"forwarding":{"dropFolder":"\#(folder.path)"}}"#
            )
            #expect(set.status == 200, "\(set.body)")
            let settings = try #require(try set.json()["forwarding"] as? [String: Any])
            #expect(settings["dropFolder"] as? String == folder.path)
            #expect(settings["mode"] as? String == "read", "the other settings stay")
            try await hub.createTenant("beta")
            let taken = try await hub.send(
                .patch,
                "/api/v1/tenants/beta",
                json: #"{"forwarding":{"dropFolder":"\#(folder.path)/inner"}}"#
            )
            #expect(taken.status == 422, "another tenant's folder: \(taken.body)")
            #expect(taken.body.contains("another tenant"))

            try Self.scan.write(to: incoming.appendingPathComponent("scan.pdf"))
            try Data("hello".utf8).write(to: incoming.appendingPathComponent("notes.txt"))
            let store = ForwardingStore(queue: JobQueue(database: hub.database))
            let drop = DropFolder(root: nil, inbox: store, tenantFolders: store, policy: hub.server.dropFolderPolicy)
            func exists(_ path: String) -> Bool {
                FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
            }
            let seen = try await drop.poll(after: [:])
            #expect(exists("incoming/scan.pdf"), "a file seen once may still grow")
            _ = try await drop.poll(after: seen)
            #expect(exists("done/scan.pdf") && !exists("incoming/scan.pdf"))
            #expect(exists("failed/notes.txt") && exists("failed/notes.txt.reason.txt"))
            let list = try await hub.send(.get, "/api/v1/tenants/acme/documents").json()
            let items = try #require(list["items"] as? [[String: Any]])
            #expect(items.map { $0["externalId"] as? String } == ["scan.pdf"])

            let cleared = try await hub.send(
                .patch,
                "/api/v1/tenants/acme",
                json: #"{"forwarding":{"dropFolder":null}}"#
            )
            #expect((try cleared.json()["forwarding"] as? [String: Any])?["dropFolder"] is NSNull)
            #expect(try await store.dropFolders().isEmpty)
        }
    }

    @Test("the seller's contact is found by its VAT id though lexoffice spells its name differently")
    func contactByVATID() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Forwarding.forwardingTenant(hub)
            let client = Forwarding.client(hub)
            for index in 0..<3 {
                _ = try await client.contacts.create(
                    Contact(
                        version: 0,
                        roles: ContactRoles(vendor: VendorRole()),
                        company: Company(name: "Other \(index) AG")
                    )
                )
            }
            let existing = try await client.contacts.create(
                Contact(
                    version: 0,
                    roles: ContactRoles(vendor: VendorRole()),
                    company: Company(name: "LIEFERANT Gesellschaft mbH", vatRegistrationId: "DE123456789")
                )
            )
            let posted = try await Forwarding.post(
                hub,
                externalID: "einfach",
                file: ("einfach.xml", try Forwarding.sample("cii/EN16931_Einfach.cii.xml"))
            )
            let id = try #require(try posted.json()["id"] as? String)
            #expect(try await hub.runWorkers { try await Forwarding.all(hub, [id], are: "forwarded") })
            let voucherID = try #require(try await Forwarding.document(hub, id)["voucherId"] as? String)
            let voucher = try await client.vouchers.get(try LexofficeID(voucherID))
            #expect(voucher.contactId == existing.id, "found by the VAT id DE123456789, not created anew")
            #expect(try await Transfers.journal(hub).filter { $0 == "POST /v1/contacts" }.count == 4, "only the test's")
        }
    }

    @Test(
        "sales vouchers carry the delivery date (or the invoicing period's end) as shippingDate; purchases none",
        arguments: [
            ("cii/EN16931_Miete.cii.xml", "outgoing", "2018-09-29"),
            ("ubl/EN16931_Elektron.ubl.xml", "outgoing", "2018-03-06"),
            ("ubl/kosit-01.05a-INVOICE_ubl.xml", "outgoing", "2015-04-24"),
            ("cii/EN16931_Miete.cii.xml", "incoming", nil),
        ] as [(String, String, String?)]
    )
    func shippingDate(sample: String, direction: String, expected: String?) async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Forwarding.forwardingTenant(hub)
            let posted = try await Forwarding.post(
                hub,
                externalID: "sample",
                file: ((sample as NSString).lastPathComponent, try Forwarding.sample(sample)),
                direction: direction
            )
            let id = try #require(try posted.json()["id"] as? String)
            #expect(try await hub.runWorkers { try await Forwarding.all(hub, [id], are: "forwarded") })
            let voucherID = try #require(try await Forwarding.document(hub, id)["voucherId"] as? String)
            let voucher = try await Forwarding.client(hub).vouchers.get(try LexofficeID(voucherID))
            #expect(voucher.shippingDate?.day.description == expected)
        }
    }
}
