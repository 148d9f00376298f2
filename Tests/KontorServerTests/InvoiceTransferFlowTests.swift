import AsyncHTTPClient
import Foundation
import HTTPTypes
import KontorCore
import KontorFlows
import KontorStore
import LexofficeKit
import LexofficeSandbox
import NIOCore
import NIOHTTP1
import SQLKit
import Testing

/// Cancellations, drafts finalized later, lexoffice's failures and retries, against the sandbox over HTTP.
@Suite("Invoice transfer: cancellations, drafts, faults", .timeLimit(.minutes(5)))
struct InvoiceTransferFlowTests {
    private typealias Transfers = InvoiceTransferTests

    /// A client of the sandbox's default organization, unpaced.
    static func client(_ hub: HubHarness) -> LexofficeClient {
        LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: hub.sandbox.baseURL, requestsPerSecond: 0),
            credentials: StaticAPIKey(Secret(hub.sandbox.defaultAPIKey))
        )
    }

    /// Sends a request to the sandbox's `/_sandbox/...` admin routes with the default key.
    static func admin(_ hub: HubHarness, _ path: String, body: String) async throws -> Int {
        let url = hub.sandbox.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/\(path)")
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(hub.sandbox.defaultAPIKey)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    /// The sandbox's invoices and credit notes (all statuses).
    static func documents(_ hub: HubHarness, _ type: VoucherType) async throws -> [VoucherListItem] {
        try await client(hub).voucherList.page(
            VoucherListFilter(voucherTypes: .only([type]), voucherStatuses: .any),
            page: try PageRequest(page: 0, size: 250)
        ).content
    }

    @Test(
        "a cancellation queued before its original is transferred sends the original first, then a linked credit note"
    )
    func cancellationBeforeOriginal() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub, settings: #"{"autoTransfer":false}"#)
            let original = Transfers.invoice(number: "R-1")
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: original).status == 202)
            let storno = Transfers.invoice(
                number: "S-1",
                cancels: "inv-1",
                unitPrice: "-85",
                totals: #"{"net":-212.5,"gross":-252.88}"#
            )
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/st-1", json: storno).status == 202)
            #expect(try await Transfers.transfer(hub, "inv-1")["state"] as? String == "pending", "auto transfer is off")
            _ = try await JobQueue(database: hub.database).enqueue(
                TransferJob(sourceID: "st-1").newJob(for: TenantID("acme"), trigger: "test")
            )
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1", "st-1"], are: "transferred") })

            let invoiceID = try #require(try await Transfers.transfer(hub, "inv-1")["lexofficeId"] as? String)
            let cancellation = try await Transfers.transfer(hub, "st-1")
            #expect(
                cancellation["totalsDifference"] == nil,
                "a credit note's totals match the cancellation's magnitude"
            )
            #expect((cancellation["deepLink"] as? String)?.contains("/permalink/credit-notes/view/") == true)
            let creditNote = try await Self.client(hub).creditNotes.get(
                try LexofficeID(try #require(cancellation["lexofficeId"] as? String))
            )
            #expect(creditNote.voucherStatus == .paidOff)
            #expect(creditNote.totalPrice.totalGrossAmount == Decimal(string: "252.88"))
            #expect(creditNote.relatedVouchers?.map(\.id.rawValue) == [invoiceID])
            #expect(try await Self.documents(hub, .invoice).count == 1)
        }
    }

    @Test("an original lexoffice refuses fails with its cancellation; both can be retried")
    func originalRefusedWithCancellation() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub, settings: #"{"autoTransfer":false}"#)
            let original = Transfers.invoice(number: "R-1").replacingOccurrences(
                of: #""sourceId":"K-1","#,
                with: #""sourceId":"K-1","lexofficeContactId":"\#(UUID().uuidString.lowercased())","#
            )
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: original).status == 202)
            let storno = Transfers.invoice(number: "S-1", customer: "K-2", cancels: "inv-1", unitPrice: "-85")
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/st-1", json: storno).status == 202)
            _ = try await JobQueue(database: hub.database).enqueue(
                TransferJob(sourceID: "st-1").newJob(for: TenantID("acme"), trigger: "test")
            )
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1", "st-1"], are: "failed") })
            let reason = try await Transfers.transfer(hub, "st-1")["stateReason"] as? String
            #expect(reason?.contains("could not be transferred first") == true, "\(reason ?? "")")
            for id in ["inv-1", "st-1"] {
                #expect(try await hub.send(.post, "/api/v1/tenants/acme/invoices/\(id)/retry").status == 202)
            }
            // An invoice left in transfer (its job gave up) can be retried too.
            try await hub.database.transaction { db in
                try await db.raw("UPDATE source_invoices SET transfer_state = 'transferring' WHERE source_id = 'inv-1'")
                    .run()
            }
            let unfinished = try await hub.send(.post, "/api/v1/tenants/acme/invoices/inv-1/retry")
            #expect(unfinished.status == 202)
            #expect(try unfinished.json()["state"] as? String == "pending")
        }
    }

    @Test("a cancellation of an invoice transferred earlier becomes a credit note for it")
    func cancellationAfterOriginal() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub)
            #expect(
                try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: Transfers.invoice(number: "R-1"))
                    .status == 202
            )
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "transferred") })
            let storno = Transfers.invoice(number: "S-1", cancels: "inv-1", unitPrice: "-85", totals: "null")
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/st-1", json: storno).status == 202)
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["st-1"], are: "transferred") })
            let creditNotes = try await Self.documents(hub, .creditNote)
            #expect(creditNotes.count == 1)
            #expect(
                creditNotes.first?.voucherNumber
                    == (try await Transfers.transfer(hub, "st-1")["voucherNumber"] as? String)
            )
        }
    }

    /// Transfers `inv-1` (R-1) as a lexoffice draft for a tenant transferring drafts; returns its lexoffice id.
    private static func draftOriginal(_ hub: HubHarness) async throws -> LexofficeID {
        try await Transfers.connectedTenant(hub, settings: #"{"finalizeInvoices":false}"#)
        let original = Transfers.invoice(number: "R-1")
        #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: original).status == 202)
        #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "transferred") })
        let draft = try await Transfers.transfer(hub, "inv-1")
        #expect(draft["lexofficeStatus"] as? String == "draft")
        return try LexofficeID(try #require(draft["lexofficeId"] as? String))
    }

    /// Sends the cancellation `st-1` of `inv-1` and waits until it is transferred; returns lexoffice's credit note.
    private static func transferredCancellation(_ hub: HubHarness) async throws -> CreditNote {
        let storno = Transfers.invoice(number: "S-1", cancels: "inv-1", unitPrice: "-85", totals: "null")
        #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/st-1", json: storno).status == 202)
        #expect(try await hub.runWorkers { try await Transfers.all(hub, ["st-1"], are: "transferred") })
        let cancellation = try await Transfers.transfer(hub, "st-1")
        #expect(cancellation["lexofficeType"] as? String == "credit-note")
        #expect(cancellation["lexofficeStatus"] as? String == "draft", "a draft, as the tenant's invoices")
        return try await client(hub).creditNotes.get(
            try LexofficeID(try #require(cancellation["lexofficeId"] as? String))
        )
    }

    @Test("a cancellation of an original still a lexoffice draft is a draft credit note of its own that names it")
    func cancellationOfDraftOriginal() async throws {
        try await HubHarness.with { hub in
            let originalID = try await Self.draftOriginal(hub)
            let creditNote = try await Self.transferredCancellation(hub)
            let number = try await Self.client(hub).invoices.get(originalID).voucherNumber ?? "R-1"
            #expect(creditNote.introduction?.hasPrefix("Gutschrift zur Rechnung \(number)") == true)
            #expect((creditNote.relatedVouchers ?? []).isEmpty, "lexoffice links no credit note to a draft")
            #expect(creditNote.voucherStatus == .draft)
            #expect(try await Self.client(hub).invoices.get(originalID).voucherStatus == .draft)
        }
    }

    @Test("an original finalized in lexoffice before its credit note goes out is linked, its number written back")
    func cancellationOfOriginalFinalizedMeanwhile() async throws {
        try await HubHarness.with { hub in
            let originalID = try await Self.draftOriginal(hub)
            #expect(try await Self.admin(hub, "sales-vouchers/\(originalID)/finalize", body: "{}") == 204)
            let creditNote = try await Self.transferredCancellation(hub)
            #expect(creditNote.relatedVouchers?.map(\.id) == [originalID])
            #expect(creditNote.introduction?.contains("Gutschrift zur Rechnung") != true)
            let original = try await Transfers.transfer(hub, "inv-1")
            let finalized = try await Self.client(hub).invoices.get(originalID)
            #expect(original["lexofficeStatus"] as? String == finalized.voucherStatus?.rawValue)
            #expect(original["voucherNumber"] as? String == finalized.voucherNumber)
            let callbacks = try await Transfers.callbacks(hub).filter { $0.type == "invoice.finalized" }
            #expect(callbacks.count == 1)
        }
    }

    @Test("a credit note sent on its own, its transfer then interrupted, is kept when the original is finalized")
    func standaloneCreditNoteKeptAfterFinalization() async throws {
        try await HubHarness.with { hub in
            let originalID = try await Self.draftOriginal(hub)
            // The credit note is created (its step done), but reading it back fails until the faults are cleared.
            let unreadable =
                #"{"path":"/v1/credit-notes/*","method":"GET","action":"failBeforeExecution","status":503,"remaining":10000}"#
            #expect(try await Self.admin(hub, "faults", body: unreadable) == 201)
            let storno = Transfers.invoice(number: "S-1", cancels: "inv-1", unitPrice: "-85", totals: "null")
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/st-1", json: storno).status == 202)
            #expect(
                try await hub.runWorkers {
                    let steps = try await Transfers.transfer(hub, "st-1")["steps"] as? [[String: Any]] ?? []
                    return steps.contains { $0["name"] as? String == "credit-note" && $0["state"] as? String == "done" }
                }
            )
            #expect(try await Self.admin(hub, "sales-vouchers/\(originalID.rawValue)/finalize", body: "{}") == 204)
            var clear = HTTPClientRequest(
                url: hub.sandbox.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/faults")
            )
            clear.method = .DELETE
            clear.headers.add(name: "Authorization", value: "Bearer \(hub.sandbox.defaultAPIKey)")
            _ = try await HTTPClient.shared.execute(clear, timeout: .seconds(10))

            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["st-1"], are: "transferred") })
            #expect(try await Self.documents(hub, .creditNote).count == 1, "the credit note is not sent again")
        }
    }

    @Test("a draft gets its number written back when lexoffice reports it finalized")
    func draftFinalizedLater() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub, settings: #"{"finalizeInvoices":false}"#)
            #expect(
                try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: Transfers.invoice(number: "R-1"))
                    .status == 202
            )
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "transferred") })
            let draft = try await Transfers.transfer(hub, "inv-1")
            #expect(draft["lexofficeStatus"] as? String == "draft")
            // Whether lexoffice numbers drafts is unconfirmed (its samples show numbers on drafts; the sandbox does).
            #expect((draft["deepLink"] as? String)?.contains("/permalink/invoices/edit/") == true)
            let id = try #require(draft["lexofficeId"] as? String)

            #expect(try await Self.admin(hub, "sales-vouchers/\(id)/finalize", body: "{}") == 204)
            let event = """
                {"organizationId":"\(hub.sandbox.defaultOrganizationID)","eventType":"invoice.status.changed",\
                "resourceId":"\(id)","eventDate":"2026-11-30T10:00:00.000+01:00"}
                """
            let signature = try hub.webhookSigner.signature(for: Data(event.utf8))
            let delivered = try await hub.send(
                .post,
                "/webhooks/lexoffice",
                json: event,
                token: "",
                headers: ["X-Lxo-Signature": signature]
            )
            #expect(delivered.status == 202)
            #expect(
                try await hub.runWorkers {
                    try await Transfers.transfer(hub, "inv-1")["lexofficeStatus"] as? String == "open"
                }
            )
            let finalized = try await Transfers.transfer(hub, "inv-1")
            #expect(finalized["lexofficeStatus"] as? String == "open")
            let lexoffice = try await Self.client(hub).invoices.get(try LexofficeID(id))
            #expect(finalized["voucherNumber"] as? String == lexoffice.voucherNumber)
            let callbacks = try await Transfers.callbacks(hub).filter { $0.type == "invoice.finalized" }
            #expect(callbacks.count == 1)
            #expect(callbacks.first?.data["voucherNumber"] as? String == lexoffice.voucherNumber)
        }
    }

    @Test(
        "a write lexoffice executed without confirming it is found, not repeated: one document each",
        arguments: ["timeoutAfterExecution", "dropAfterExecution"]
    )
    func unknownOutcome(action: String) async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub)
            for path in ["/v1/contacts", "/v1/invoices"] {
                let rule = #"{"path":"\#(path)","method":"POST","action":"\#(action)","remaining":1}"#
                #expect(try await Self.admin(hub, "faults", body: rule) == 201)
            }
            #expect(
                try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: Transfers.invoice(number: "R-1"))
                    .status == 202
            )
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "transferred") })
            #expect(try await Self.documents(hub, .invoice).count == 1)
            let contacts = try await Self.client(hub).contacts.page(page: PageRequest())
            #expect(contacts.content.count == 1)
            let steps = try #require(try await Transfers.transfer(hub, "inv-1")["steps"] as? [[String: Any]])
            #expect(steps.map { $0["name"] as? String } == ["contact", "invoice"])
            #expect(steps.allSatisfy { ($0["note"] as? String)?.contains("found in lexoffice") == true })
        }
    }

    @Test(
        "a write in doubt that lexoffice lists only after the reconciliation delay is found at the window's end",
        // Without a window the lag is long (10 s), so that a loaded machine's late retry cannot outlast it.
        arguments: [(window: 4.0, lag: 1_500, invoices: 1), (window: 0.2, lag: 10_000, invoices: 2)]
    )
    func lagLongerThanDelay(window: Double, lag: Int, invoices: Int) async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub)
            for path in ["/v1/contacts", "/v1/invoices"] {
                let rule =
                    #"{"path":"\#(path)","method":"POST","action":"timeoutAfterExecution","delayMilliseconds":\#(lag),"remaining":1}"#
                #expect(try await Self.admin(hub, "faults", body: rule) == 201)
            }
            #expect(
                try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: Transfers.invoice(number: "R-1"))
                    .status == 202
            )
            #expect(
                try await hub.runWorkers(
                    timeout: .seconds(40),
                    reconciliationDelay: .milliseconds(200),
                    reconciliationWindow: .seconds(window)
                ) { try await Transfers.all(hub, ["inv-1"], are: "transferred") }
            )
            // Without a window beyond the delay the lag doubles the invoice: the case the window is there for (the
            // first one shows once its lag has passed).
            try await Task.sleep(for: .milliseconds(lag))
            #expect(try await Self.documents(hub, .invoice).count == invoices)
            guard invoices == 1 else { return }
            #expect(try await Self.client(hub).contacts.page(page: PageRequest()).content.count == 1)
            let steps = try #require(try await Transfers.transfer(hub, "inv-1")["steps"] as? [[String: Any]])
            #expect(steps.allSatisfy { ($0["note"] as? String)?.contains("found in lexoffice") == true })
            let transfer = try await JobQueue(database: hub.database).jobs(tenant: TenantID("acme"))
                .first { $0.kind == TransferJob.jobKind }
            #expect(transfer?.attempts ?? 0 >= 3, "each step was looked for twice before it was found")
        }
    }

    @Test("a contact created without confirmation is found as this customer's, not an identical one made by hand")
    func identicalContactInDoubt() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub)
            // The customer exists in lexoffice already, entered by hand with the same name, e-mail and address.
            let body = Transfers.invoice(number: "R-1", customer: "K-1")
            let source = try JSONDecoder().decode(SourceInvoice.self, from: Data(body.utf8))
            let byHand = try await Self.client(hub).contacts.create(source.customer.lexofficeContact()).id
            let rule = #"{"path":"/v1/contacts","method":"POST","action":"timeoutAfterExecution","remaining":1}"#
            #expect(try await Self.admin(hub, "faults", body: rule) == 201)
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: body).status == 202)
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "transferred") })

            let contacts = try await Self.client(hub).contacts.page(page: PageRequest()).content
            #expect(contacts.count == 2, "the hub's contact was created once and found after the timeout")
            let created = try #require(contacts.first { $0.note == "Kontor: source customer K-1" })
            #expect(created.id != byHand)
            let number = try #require(created.roles.customer?.number)
            #expect(
                try await Transfers.transfer(hub, "inv-1")["customerNumber"] as? String == String(number),
                "the invoice went to the contact the hub created, none is left unlinked"
            )
        }
    }

    @Test("503 before execution and a 429 storm are retried; nothing is doubled")
    func refusedRequests() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub)
            let unavailable =
                #"{"path":"/v1/invoices","method":"POST","action":"failBeforeExecution","status":503,"remaining":2}"#
            #expect(try await Self.admin(hub, "faults", body: unavailable) == 201)
            let storm = #"{"path":"/v1/contacts*","action":"failBeforeExecution","status":429,"remaining":2}"#
            #expect(try await Self.admin(hub, "faults", body: storm) == 201)
            #expect(
                try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: Transfers.invoice(number: "R-1"))
                    .status == 202
            )
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "transferred") })
            #expect(try await Self.documents(hub, .invoice).count == 1)
            #expect(try await Self.client(hub).contacts.page(page: PageRequest()).content.count == 1)
        }
    }

    @Test("a created contact and invoice that lexoffice shows only after a delay are read again, not created again")
    func replicationDelay() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub)
            for path in ["/v1/contacts", "/v1/invoices"] {
                let rule =
                    #"{"path":"\#(path)","method":"POST","action":"replicationDelay","delayMilliseconds":1500,"remaining":1}"#
                #expect(try await Self.admin(hub, "faults", body: rule) == 201)
            }
            #expect(
                try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: Transfers.invoice(number: "R-1"))
                    .status == 202
            )
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "transferred") })
            #expect(try await Self.documents(hub, .invoice).count == 1)
            #expect(try await Self.client(hub).contacts.page(page: PageRequest()).content.count == 1)
            #expect(try await Transfers.transfer(hub, "inv-1")["voucherNumber"] as? String != nil)
            let transfers = try await JobQueue(database: hub.database).jobs(tenant: TenantID("acme"))
                .filter { $0.kind == TransferJob.jobKind }
            #expect(transfers.map(\.attempts).max() ?? 0 > 1, "a read-back missed the new document and was retried")
        }
    }

    @Test("300 invoices through 5 % 503, 2 % 504 after commit and a 429 storm: 300 documents, each linked once")
    func faultStorm() async throws {
        try await HubHarness.with(lexofficeRate: 50) { hub in
            try await Transfers.connectedTenant(hub, settings: #"{"autoTransfer":false}"#)
            let rules = [
                #"{"path":"/v1/invoices","method":"POST","action":"failBeforeExecution","status":503,"probability":0.05}"#,
                #"{"path":"/v1/invoices","method":"POST","action":"timeoutAfterExecution","probability":0.02}"#,
                #"{"path":"/v1/invoices/*","method":"GET","action":"failBeforeExecution","status":429,"remaining":4}"#,
            ]
            for rule in rules { #expect(try await Self.admin(hub, "faults", body: rule) == 201) }
            let count = 300
            for number in 1...count {
                let body = Transfers.invoice(
                    number: "R-\(number)",
                    customer: "K-\(number % 10)",
                    company: "Kunde \(number % 10) GmbH"
                )
                .replacingOccurrences(of: #""unitPrice":{"net":85}"#, with: #""unitPrice":{"net":\#(number)}"#)
                .replacingOccurrences(of: #","totals":{"net":212.5,"gross":252.88}"#, with: "")
                #expect(
                    try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-\(number)", json: body).status == 202
                )
            }
            let export = try await hub.send(
                .post,
                "/api/v1/tenants/acme/exports",
                json: #"{"from":"2026-03-01","to":"2026-03-31"}"#
            )
            let path = "/api/v1/tenants/acme/exports/\(try export.json()["id"] as? String ?? "")"
            #expect(
                try await hub.runWorkers(timeout: .seconds(150)) {
                    try await hub.send(.get, path).json()["done"] as? Int == count
                }
            )
            let invoices = try await Self.client(hub).voucherList.page(
                VoucherListFilter(voucherTypes: .only([.invoice]), voucherStatuses: .any),
                page: try PageRequest(page: 0, size: 1)
            )
            #expect(invoices.totalElements == count, "one lexoffice invoice per source invoice")
            var linked: Set<String> = []
            var cursor = ""
            for _ in 0..<(count / 100) {
                let listed = try await hub.send(.get, "/api/v1/tenants/acme/invoices?limit=100\(cursor)").json()
                for item in listed["items"] as? [[String: Any]] ?? [] {
                    if let id = item["lexofficeId"] as? String { linked.insert(id) }
                }
                cursor = (listed["nextCursor"] as? String).map { "&cursor=\($0)" } ?? ""
            }
            #expect(linked.count == count, "each source invoice is linked to its own document")
            let callbacks = try await Transfers.callbacks(hub).filter { $0.type == "invoice.transferred" }
            #expect(Set(callbacks.compactMap { $0.data["sourceId"] as? String }).count == count)
            #expect(callbacks.count == count, "one callback per transfer")
            let statuses = try await Transfers.journalEntries(hub).compactMap { $0["status"] as? Int }
            #expect(statuses.contains(503) || statuses.contains(504), "the faults were injected")
        }
    }

    @Test("without a connection the tenant's transfers wait, still pending, and run once it is connected")
    func waitsForConnection() async throws {
        try await HubHarness.with { hub in
            try await hub.createActiveTenant("acme")
            let invoice = Transfers.invoice(number: "R-1")
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: invoice).status == 202)
            let queue = JobQueue(database: hub.database)
            #expect(try await hub.runWorkers { try await queue.pauseReason(of: TenantID("acme")) != nil })
            #expect(try await Transfers.transfer(hub, "inv-1")["state"] as? String == "pending")
            let connected = try await hub.send(
                .put,
                "/api/v1/tenants/acme/connection/api-key",
                json: #"{"apiKey":"\#(hub.sandbox.defaultAPIKey)"}"#
            )
            #expect(connected.status == 200)
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "transferred") })
        }
    }

    @Test("lexoffice refusing an invoice fails its transfer with the reason; a retry runs it again")
    func refusedAndRetried() async throws {
        try await HubHarness.with { hub in
            try await Transfers.connectedTenant(hub)
            let unknownContact = Transfers.invoice(number: "R-1")
                .replacingOccurrences(
                    of: #""sourceId":"K-1","#,
                    with: #""sourceId":"K-1","lexofficeContactId":"\#(UUID().uuidString.lowercased())","#
                )
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-1", json: unknownContact).status == 202)
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "failed") })
            let failed = try await Transfers.transfer(hub, "inv-1")
            #expect((failed["stateReason"] as? String)?.contains("lexoffice refused") == true)
            #expect(try await Transfers.callbacks(hub).contains { $0.type == "invoice.failed" })

            let retried = try await hub.send(.post, "/api/v1/tenants/acme/invoices/inv-1/retry")
            #expect(retried.status == 202)
            #expect(try retried.json()["state"] as? String == "pending")
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-1"], are: "failed") })
            #expect(try await hub.send(.post, "/api/v1/tenants/acme/invoices/nothing/retry").status == 404)

            #expect(
                try await hub.send(.put, "/api/v1/tenants/acme/invoices/inv-2", json: Transfers.invoice(number: "R-2"))
                    .status == 202
            )
            #expect(try await hub.runWorkers { try await Transfers.all(hub, ["inv-2"], are: "transferred") })
            let again = try await hub.send(.post, "/api/v1/tenants/acme/invoices/inv-2/retry")
            #expect(again.status == 409)
            #expect((try again.json()["detail"] as? String)?.contains("transferred") == true)
        }
    }
}
