import AsyncHTTPClient
import Foundation
import HTTPTypes
import KontorCore
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Testing

/// The archive flow end to end (issue 25): lexoffice events → archive jobs → documents in a filesystem sink, over
/// real HTTP against the sandbox, with the hub's SQLite (or PostgreSQL) store.
@Suite("Archive flow", .timeLimit(.minutes(2)))
struct ArchiveFlowTests {
    private typealias Transfers = InvoiceTransferTests

    /// A fresh folder for the filesystem sink, removed after `body`.
    static func withFolder<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-archive-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    /// Connects tenant `acme` and activates its archive of invoices into `folder` (or into `sinks`, JSON objects).
    static func archivingTenant(
        _ hub: HubHarness,
        into folder: URL,
        extra: String = "",
        sinks: String? = nil
    ) async throws {
        try await Transfers.connectedTenant(hub)
        let sinks = sinks ?? #"{"type":"filesystem","path":"\#(folder.path)"}"#
        let saved = try await hub.send(
            .put,
            "/api/v1/tenants/acme/archive",
            json: #"{"active":true,"documentTypes":["invoice"],"sinks":[\#(sinks)]\#(extra)}"#
        )
        #expect(saved.status == 200, "\(saved.body)")
    }

    /// Creates an invoice in lexoffice (finalized unless `draft`) dated `day` (today by default); returns its id.
    static func invoice(_ hub: HubHarness, draft: Bool = false, day: Date = Date()) async throws -> LexofficeID {
        let client = InvoiceTransferFlowTests.client(hub)
        let source = try JSONDecoder().decode(SourceInvoice.self, from: Data(Transfers.invoice(number: "R-1").utf8))
        let contact = try await client.contacts.create(source.customer.lexofficeContact()).id
        var invoice = try source.lexofficeInvoice(contactID: contact)
        invoice.voucherDate = LexofficeDateTime(day)
        invoice.shippingConditions.shippingDate = LexofficeDateTime(day)
        return try await client.invoices.create(invoice, finalize: !draft).id
    }

    /// Starts the backfill of January 2026; returns the archive as the 202 answer shows it.
    @discardableResult
    static func startJanuaryBackfill(_ hub: HubHarness) async throws -> [String: Any] {
        let started = try await hub.send(
            .post,
            "/api/v1/tenants/acme/archive/backfill",
            json: #"{"from":"2026-01-01","to":"2026-01-31"}"#
        )
        #expect(started.status == 202, "\(started.body)")
        return try started.json()
    }

    /// The tenant's archive items, `state` only if given.
    static func items(_ hub: HubHarness, state: String? = nil) async throws -> [[String: Any]] {
        let answer = try await hub.send(
            .get,
            "/api/v1/tenants/acme/archive/items" + (state.map { "?state=\($0)" } ?? "")
        )
        #expect(answer.status == 200, "\(answer.body)")
        return try #require(try answer.json()["items"] as? [[String: Any]])
    }

    /// Every file below `folder`, relative paths.
    static func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            if !isFolder.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// Sets a document's status in the sandbox, as the accountant would in the web app.
    static func setStatus(_ hub: HubHarness, _ id: LexofficeID, _ status: String) async throws {
        var request = HTTPClientRequest(
            url: hub.sandbox.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/sales-vouchers/\(id)/status")
        )
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(hub.sandbox.defaultAPIKey)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"voucherStatus":"\#(status)"}"#))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status.code == 204)
    }

    @Test("a finalized invoice reported by webhook is archived once; a status change rewrites only its sidecar")
    func webhookToFilesystem() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                try await Self.archivingTenant(hub, into: folder)
                let id = try await Self.invoice(hub)
                try await hub.deliverEvent("invoice.created", resource: id.rawValue)
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "archived").count == 1 })
                let number = try #require(try await Self.items(hub).first?["number"] as? String)
                let year = Calendar(identifier: .gregorian).component(.year, from: Date())
                let base = "acme/\(year)/invoice/\(number)"
                #expect(Self.files(in: folder) == [base + ".json", base + ".pdf"])
                let pdf = try Data(contentsOf: folder.appendingPathComponent(base + ".pdf"))
                #expect(pdf.starts(with: Data("%PDF".utf8)))
                let pdfDate =
                    try FileManager.default.attributesOfItem(
                        atPath: folder.appendingPathComponent(base + ".pdf").path
                    )[.modificationDate] as? Date
                func sidecar() throws -> [String: Any] {
                    let data = try Data(contentsOf: folder.appendingPathComponent(base + ".json"))
                    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                }
                #expect(try sidecar()["status"] as? String == "open")
                #expect(try sidecar()["lexofficeId"] as? String == id.rawValue)
                #expect(try sidecar()["number"] as? String == number)
                #expect(
                    (try sidecar()["lexofficeLink"] as? String)?.hasSuffix("/permalink/invoices/view/\(id)") == true
                )

                // The same event again (lexoffice redelivers, or a second event of the same state): nothing new.
                try await hub.deliverEvent("invoice.created", resource: id.rawValue)
                #expect(try await hub.runWorkers { try await hub.eventsHandled() })
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "pending").isEmpty })
                // Paid in lexoffice: the sidecar says so; the PDF is neither downloaded nor written again.
                try await Self.setStatus(hub, id, "paid")
                try await hub.deliverEvent("invoice.status.changed", resource: id.rawValue)
                #expect(
                    try await hub.runWorkers {
                        try await Self.items(hub, state: "archived").first?["documentStatus"] as? String == "paid"
                    }
                )
                #expect(try sidecar()["status"] as? String == "paid")
                #expect(Self.files(in: folder) == [base + ".json", base + ".pdf"], "never a second copy")
                let pdfDateAfter =
                    try FileManager.default.attributesOfItem(
                        atPath: folder.appendingPathComponent(base + ".pdf").path
                    )[.modificationDate] as? Date
                #expect(pdfDateAfter == pdfDate, "the PDF is not rewritten")
                let downloads = try await Transfers.journal(hub).filter { $0 == "GET /v1/invoices/\(id)/file" }
                #expect(downloads.count == 1, "the PDF is downloaded once")
                let item = try #require(try await Self.items(hub).first)
                #expect(item["state"] as? String == "archived" && item["attempts"] as? Int == 3)
            }
        }
    }

    @Test("an XRechnung invoice is archived with its XML next to the PDF and the sidecar")
    func xRechnung() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                try await Self.archivingTenant(hub, into: folder)
                let client = InvoiceTransferFlowTests.client(hub)
                var contact = Contact(
                    version: 0,
                    roles: ContactRoles(customer: CustomerRole()),
                    company: Company(name: "Stadtverwaltung Musterstadt"),
                    addresses: ContactAddresses(billing: [
                        ContactAddress(countryCode: "DE", street: "Rathausplatz 1", zip: "12345", city: "Musterstadt")
                    ]),
                    xRechnung: ContactXRechnung(
                        buyerReference: "04011000-1234512345-06",
                        vendorNumberAtCustomer: "K-4711"
                    )
                )
                contact.emailAddresses = EmailAddresses(business: ["rechnung@musterstadt.example"])
                let contactID = try await client.contacts.create(contact).id
                let source = try JSONDecoder().decode(
                    SourceInvoice.self,
                    from: Data(Transfers.invoice(number: "R-1").utf8)
                )
                var invoice = try source.lexofficeInvoice(contactID: contactID)
                invoice.voucherDate = LexofficeDateTime(Date())
                invoice.shippingConditions.shippingDate = invoice.voucherDate
                let id = try await client.invoices.create(invoice, finalize: true).id
                try await hub.deliverEvent("invoice.created", resource: id.rawValue)
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "archived").count == 1 })
                let files = Self.files(in: folder)
                #expect(files.map { $0.split(separator: ".").last.map(String.init) ?? "" } == ["json", "pdf", "xml"])
                let xml = try Data(contentsOf: folder.appendingPathComponent(try #require(files.last)))
                #expect(String(decoding: xml, as: UTF8.self).contains("04011000-1234512345-06"))
                let sidecar = try Data(contentsOf: folder.appendingPathComponent(try #require(files.first)))
                let facts = try #require(try JSONSerialization.jsonObject(with: sidecar) as? [String: Any])
                #expect(facts["eInvoice"] as? Bool == true)
            }
        }
    }

    @Test("a burst of events, several per document, archives each document once and downloads each PDF once")
    func eventBurst() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                try await Self.archivingTenant(hub, into: folder)
                var ids: [LexofficeID] = []
                for _ in 0..<12 { ids.append(try await Self.invoice(hub)) }
                for round in 0..<3 {
                    for id in ids {
                        let type = round == 0 ? "invoice.created" : "invoice.status.changed"
                        try await hub.deliverEvent(type, resource: id.rawValue)
                    }
                }
                let count = ids.count
                #expect(
                    try await hub.runWorkers(timeout: .seconds(60)) {
                        guard try await hub.eventsHandled() else { return false }
                        return try await Self.items(hub, state: "archived").count == count
                    }
                )
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "pending").isEmpty })
                let files = Self.files(in: folder)
                #expect(files.filter { $0.hasSuffix(".pdf") }.count == count)
                #expect(files.filter { $0.hasSuffix(".json") }.count == count)
                let downloads = try await Transfers.journal(hub).filter {
                    $0.hasPrefix("GET /v1/invoices/") && $0.hasSuffix("/file")
                }
                #expect(downloads.count == count, "each PDF downloaded once")
                #expect(Set(downloads).count == count)
            }
        }
    }

    @Test("a bookkeeping voucher is archived with its receipt file as the PDF")
    func bookkeepingVoucher() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                try await Transfers.connectedTenant(hub, settings: #"{"transferVariant":"voucher"}"#)
                let saved = try await hub.send(
                    .put,
                    "/api/v1/tenants/acme/archive",
                    json: #"""
                        {"active":true,"activeSince":"2026-01-01T00:00:00Z","documentTypes":["voucher"],
                         "sinks":[{"type":"filesystem","path":"\#(folder.path)"}]}
                        """#
                )
                #expect(saved.status == 200, "\(saved.body)")
                let receipt =
                    "JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZz4+ZW5kb2JqCnRyYWlsZXI8PC9Sb290IDEgMCBSPj4KJSVFT0YK"
                let invoice = Transfers.invoice(number: "R-1").replacingOccurrences(
                    of: #""status":"#,
                    with: #""pdf":"\#(receipt)","status":"#
                )
                #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: invoice).status == 202)
                #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "transferred") })
                let id = try #require(try await Transfers.transfer(hub, "inv-1")["lexofficeId"] as? String)
                try await hub.deliverEvent("voucher.created", resource: id)
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "archived").count == 1 })
                #expect(Self.files(in: folder) == ["acme/2026/voucher/R-1.json", "acme/2026/voucher/R-1.pdf"])
                let pdf = try Data(contentsOf: folder.appendingPathComponent("acme/2026/voucher/R-1.pdf"))
                #expect(pdf == Data(base64Encoded: receipt), "the receipt as uploaded")
                let sidecar = try Data(contentsOf: folder.appendingPathComponent("acme/2026/voucher/R-1.json"))
                let facts = try #require(try JSONSerialization.jsonObject(with: sidecar) as? [String: Any])
                #expect(facts["type"] as? String == "voucher" && facts["number"] as? String == "R-1")
                #expect((facts["lexofficeLink"] as? String)?.hasSuffix("/permalink/vouchers/view/\(id)") == true)
            }
        }
    }

    /// Moves the sandbox's clock `seconds` (lexoffice's `createdDate` of what is created meanwhile).
    static func advanceSandboxClock(_ hub: HubHarness, by seconds: Double) async throws {
        var request = HTTPClientRequest(url: String(hub.sandbox.baseURL.dropLast("/v1".count)) + "/_sandbox/clock")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"advanceSeconds":\#(seconds)}"#))
        #expect(try await HTTPClient.shared.execute(request, timeout: .seconds(10)).status == .ok)
    }

    @Test(
        "drafts and documents dated and created before activeSince are skipped; a back-dated one created after is not"
    )
    func skipped() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                try await Self.archivingTenant(hub, into: folder)
                let draft = try await Self.invoice(hub, draft: true)
                let longAgo = Date(timeIntervalSince1970: 1_700_000_000)
                let backDated = try await Self.invoice(hub, day: longAgo)
                try await Self.advanceSandboxClock(hub, by: longAgo.timeIntervalSinceNow)
                let old = try await Self.invoice(hub, day: longAgo)
                try await Self.advanceSandboxClock(hub, by: -longAgo.timeIntervalSinceNow)
                for id in [draft, old, backDated] {
                    try await hub.deliverEvent("invoice.created", resource: id.rawValue)
                }
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "skipped").count == 2 })
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "archived").count == 1 })
                #expect(
                    try await Self.items(hub, state: "archived").first?["lexofficeId"] as? String == backDated.rawValue
                )
                let reasons = Dictionary(
                    uniqueKeysWithValues: try await Self.items(hub).map {
                        ($0["lexofficeId"] as? String ?? "", $0["reason"] as? String ?? "")
                    }
                )
                #expect(reasons[draft.rawValue]?.contains("draft") == true, "\(reasons)")
                #expect(
                    reasons[old.rawValue]?.contains("created before the archive's activeSince") == true,
                    "\(reasons)"
                )
                #expect(Self.files(in: folder).count == 2, "the back-dated invoice's PDF and sidecar only")
                // Retried by hand, the old document is asked for explicitly and archived; the draft stays skipped.
                for item in try await Self.items(hub, state: "skipped") {
                    let id = try #require(item["id"] as? String)
                    #expect(try await hub.send(.post, "/api/v1/tenants/acme/archive/items/\(id)/retry").status == 202)
                }
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "archived").count == 2 })
                #expect(
                    try await Self.items(hub, state: "archived").contains {
                        $0["lexofficeId"] as? String == old.rawValue
                    }
                )
                #expect(try await Self.items(hub, state: "skipped").first?["lexofficeId"] as? String == draft.rawValue)
            }
        }
    }

    @Test(
        "a backfill archives the finalized invoices of its date range, older than activeSince too, and shows progress"
    )
    func backfill() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                try await Self.archivingTenant(hub, into: folder)
                let january = Date(timeIntervalSince1970: 1_768_302_000)  // 2026-01-13 12:00 in Berlin
                var inRange: [String] = []
                for _ in 0..<3 { inRange.append(try await Self.invoice(hub, day: january).rawValue) }
                _ = try await Self.invoice(hub, draft: true, day: january)
                _ = try await Self.invoice(hub, day: Date(timeIntervalSince1970: 1_771_153_200))  // 2026-02-15
                try await Self.startJanuaryBackfill(hub)
                #expect(
                    try await hub.runWorkers {
                        let archive = try await hub.send(.get, "/api/v1/tenants/acme/archive").json()
                        let backfill = archive["backfill"] as? [String: Any]
                        return backfill?["state"] as? String == "finished"
                            && (archive["items"] as? [String: Any])?["archived"] as? Int == 3
                    }
                )
                let archived = try await Self.items(hub, state: "archived").compactMap { $0["lexofficeId"] as? String }
                #expect(Set(archived) == Set(inRange))
                #expect(Self.files(in: folder).count == 6)
                let archive = try await hub.send(.get, "/api/v1/tenants/acme/archive").json()
                #expect((archive["backfill"] as? [String: Any])?["queued"] as? Int == 3)
            }
        }
    }

    @Test("a sink that refuses fails the item at once with its code, no retries; a retry after the fix archives it")
    func refusingSink() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                let missing = folder.appendingPathComponent("not-mounted")
                try await Self.archivingTenant(hub, into: missing)
                let id = try await Self.invoice(hub)
                try await hub.deliverEvent("invoice.created", resource: id.rawValue)
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "failed").count == 1 })
                let item = try #require(try await Self.items(hub).first)
                #expect((item["reason"] as? String)?.hasPrefix("sink-destination-missing") == true, "\(item)")
                #expect(item["attempts"] as? Int == 1, "no retry storm")
                let activity = try await hub.send(.get, "/api/v1/tenants/acme/activity").body
                #expect(activity.contains("archive.failed"))

                try FileManager.default.createDirectory(at: missing, withIntermediateDirectories: true)
                let itemID = try #require(item["id"] as? String)
                let retried = try await hub.send(.post, "/api/v1/tenants/acme/archive/items/\(itemID)/retry")
                #expect(retried.status == 202, "\(retried.body)")
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "archived").count == 1 })
                #expect(Self.files(in: missing).count == 2)
                let again = try await hub.send(.post, "/api/v1/tenants/acme/archive/items/\(itemID)/retry")
                #expect(again.status == 409, "an archived item is not retried")
            }
        }
    }

    @Test("a sink that is down keeps the item pending with the reason, each failure in the activity log, and retries")
    func sinkDown() async throws {
        let down = try RefusingPort()
        defer { down.close() }
        try await HubHarness.with(lexofficeRate: 1000) { hub in
            try await Transfers.connectedTenant(hub)
            let saved = try await hub.send(
                .put,
                "/api/v1/tenants/acme/archive",
                json:
                    #"{"active":true,"documentTypes":["invoice"],"sinks":[{"type":"webdav","url":"http://127.0.0.1:\#(down.port)/dav/"}]}"#
            )
            #expect(saved.status == 200, "\(saved.body)")
            let id = try await Self.invoice(hub)
            try await hub.deliverEvent("invoice.created", resource: id.rawValue)
            // Each attempt waits out the HTTP client's connect timeout (10 s) against the refusing port.
            #expect(
                try await hub.runWorkers(timeout: .seconds(40)) {
                    try await Self.items(hub).first?["reason"] as? String != nil
                }
            )
            let item = try #require(try await Self.items(hub).first)
            #expect(item["state"] as? String == "pending", "\(item)")
            #expect((item["reason"] as? String)?.hasPrefix("sink-unavailable") == true, "\(item)")
            let activity = try await hub.send(.get, "/api/v1/tenants/acme/activity").body
            #expect(activity.contains("archive.retry"))
            let jobs = try await hub.send(.get, "/api/v1/tenants/acme/jobs").body
            #expect(jobs.contains("archive.document") && jobs.contains("queued"), "waits for its next attempt")
        }
    }

    @Test("the console's archive section shows the settings and each item's state and reason, and retries an item")
    func consoleSection() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                let missing = folder.appendingPathComponent("not-mounted")
                try await Self.archivingTenant(hub, into: missing)
                let id = try await Self.invoice(hub)
                try await hub.deliverEvent("invoice.created", resource: id.rawValue)
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "failed").count == 1 })
                let client = try await ConsoleTests.signedIn(hub)
                defer { Task { try? await client.shutdown() } }
                let page = try await client.get("/ui/tenants/acme/archive")
                #expect(page.status == 200)
                #expect(page.body.contains("aria-current=\"page\">Archiv</a>"))
                #expect(page.body.contains("filesystem: \(missing.path)"))
                #expect(page.body.contains("fehlgeschlagen") && page.body.contains("sink-destination-missing"))
                #expect(page.body.contains(id.rawValue))
                try FileManager.default.createDirectory(at: missing, withIntermediateDirectories: true)
                let itemID = try #require(try await Self.items(hub).first?["id"] as? String)
                let retried = try await client.post("/ui/tenants/acme/archive/items/\(itemID)/retry", [])
                #expect(
                    retried.location == "/ui/tenants/acme/archive?notice=archiveRetried",
                    "\(retried.location ?? "-")"
                )
                #expect(try await hub.runWorkers { try await Self.items(hub, state: "archived").count == 1 })
                let after = try await client.get("/ui/tenants/acme/archive?state=archived")
                #expect(after.body.contains("✓ archiviert") && !after.body.contains("Erneut archivieren"))
            }
        }
    }

    @Test("invalid settings name each field; secrets are never read back; a bad backfill range is refused")
    func validation() async throws {
        try await HubHarness.with(lexofficeRate: 1000) { hub in
            try await Transfers.connectedTenant(hub)
            let invalid = try await hub.send(
                .put,
                "/api/v1/tenants/acme/archive",
                json: #"""
                    {"active":true,"activeSince":"yesterday","documentTypes":["invoice","bogus"],
                     "sinks":[{"type":"s3","endpoint":"ftp://x","region":"eu-central-1","bucket":"b"},{"type":"nas"},
                              {"type":"filesystem","path":"relative/path"},
                              {"type":"webdav","url":"http://127.0.0.1/dav/","template":"{nope}"}]}
                    """#
            )
            #expect(invalid.status == 422, "\(invalid.body)")
            #expect(invalid.headers["content-type"]?.hasPrefix("application/problem+json") == true)
            let pointers = try #require(try invalid.json()["errors"] as? [[String: Any]]).compactMap {
                $0["pointer"] as? String
            }
            #expect(
                Set(pointers) == [
                    "#/activeSince", "#/documentTypes/1", "#/sinks/0/accessKeyId", "#/sinks/0/secretAccessKey",
                    "#/sinks/1/type", "#/sinks/2/path", "#/sinks/3/template",
                ],
                "\(pointers)"
            )
            let secret = "s3-secret-\(UUID())"
            let valid = try await hub.send(
                .put,
                "/api/v1/tenants/acme/archive",
                json: #"""
                    {"active":false,"documentTypes":["invoice"],"sinks":[{"type":"s3","endpoint":"http://127.0.0.1:9",
                     "region":"eu-central-1","bucket":"archive","accessKeyId":"AK","secretAccessKey":"\#(secret)"}]}
                    """#
            )
            #expect(valid.status == 200, "\(valid.body)")
            #expect(!valid.body.contains(secret))
            // Sent back without the secret (as read): the secret is kept.
            let resent = try await hub.send(
                .put,
                "/api/v1/tenants/acme/archive",
                json: #"""
                    {"active":false,"documentTypes":["invoice"],"sinks":[{"type":"s3","endpoint":"http://127.0.0.1:9",
                     "region":"eu-central-1","bucket":"archive","accessKeyId":"AK"}]}
                    """#
            )
            #expect(resent.status == 200, "\(resent.body)")
            let read = try await hub.send(.get, "/api/v1/tenants/acme/archive")
            #expect(read.status == 200 && !read.body.contains(secret))
            let backfill = try await hub.send(
                .post,
                "/api/v1/tenants/acme/archive/backfill",
                json: #"{"from":"2026-13-01","to":"soon"}"#
            )
            #expect(backfill.status == 422, "\(backfill.body)")
            let inactive = try await hub.send(
                .post,
                "/api/v1/tenants/acme/archive/backfill",
                json: #"{"from":"2026-01-01","to":"2026-01-31"}"#
            )
            #expect(inactive.status == 409, "an inactive archive is not back-filled: \(inactive.body)")
            let state = try await hub.send(.get, "/api/v1/tenants/acme/archive/items?state=lost")
            #expect(state.status == 422)
        }
    }

    @Test("the DMS stamp refuses a wrong secret key and never logs the password")
    func stampSecret() async throws {
        try await HubHarness.with(lexofficeRate: 1000) { hub in
            try await Transfers.connectedTenant(hub)
            let saved = try await hub.send(
                .put,
                "/api/v1/tenants/acme/archive",
                json:
                    #"{"active":false,"documentTypes":["invoice"],"sinks":[{"type":"dms","url":"http://127.0.0.1:9"}]}"#
            )
            #expect(saved.status == 200, "\(saved.body)")
            let rotated = try await hub.send(.post, "/api/v1/tenants/acme/archive/stamp-secret")
            #expect(rotated.status == 201, "\(rotated.body)")
            let secret = try #require(try rotated.json()["secret"] as? String)
            let password = "pw-\(UUID())"
            func stamp(_ secret: String) async throws -> HubHarness.Answer {
                try await hub.send(
                    .post,
                    "/dms/acme/stamp",
                    body: Data(
                        "atoken=t&docid=7&username=ada%40example.com&password=\(password)&secret=\(secret)".utf8
                    ),
                    contentType: "application/x-www-form-urlencoded",
                    token: ""
                )
            }
            let wrong = try await stamp("not-the-secret")
            #expect(wrong.status == 403, "\(wrong.body)")
            let unreachable = try await stamp(secret)
            #expect(unreachable.status == 502, "the DMS at port 9 cannot be reached: \(unreachable.body)")
            #expect(unreachable.body != "1")
            let archive = try await hub.send(.get, "/api/v1/tenants/acme/archive").json()
            #expect(archive["dmsStamped"] as? Bool == false && archive["stampSecretSet"] as? Bool == true)
            let activity = try await hub.send(.get, "/api/v1/tenants/acme/activity").body
            #expect(activity.contains("archive.stamp-failed") && !activity.contains(password))
            let rotatedAgain = try await hub.send(.post, "/api/v1/tenants/acme/archive/stamp-secret")
            #expect(rotatedAgain.status == 201)
            #expect(try await stamp(secret).status == 403, "the previous key no longer works")
        }
    }
}
