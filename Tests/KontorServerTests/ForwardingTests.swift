import Foundation
import HTTPTypes
import KontorFlows
import KontorStore
import LexofficeKit
import LexofficeSandbox
import Testing

/// Forwarding per client company (issue 26) against the sandbox over HTTP: documents posted to a tenant's inbox
/// become bookkeeping vouchers (read e-invoices) or uploaded files, exactly once, after the tenant's activation.
@Suite("Forwarding", .timeLimit(.minutes(3)))
struct ForwardingTests {
    private typealias Transfers = InvoiceTransferTests

    /// The sandbox's "Wareneingang" posting category (`outgo`).
    static let purchaseCategory = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"

    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/einvoice-samples")

    static func sample(_ path: String) throws -> Data {
        try Data(contentsOf: samples.appendingPathComponent(path))
    }

    /// A connected tenant `acme` whose forwarding is active since 2026-01-01 with `extra` settings members.
    static func forwardingTenant(_ hub: HubHarness, extra: String = "") async throws {
        try await Transfers.connectedTenant(hub)
        let patched = try await hub.send(
            .patch,
            "/api/v1/tenants/acme",
            json: #"""
                {"forwarding":{"active":true,"activeSince":"2026-01-01T00:00:00Z",\#(extra)
                "categories":{"incoming":"\#(purchaseCategory)"}}}
                """#
        )
        #expect(patched.status == 200, "\(patched.body)")
    }

    /// A `multipart/form-data` body with `fields` and, when given, a `file` part.
    static func form(_ fields: [(String, String)], file: (name: String, data: Data)?) -> (Data, String) {
        let boundary = "kontor-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            )
        }
        if let file {
            body.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        .utf8
                )
            )
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    /// Posts a document; `moment` is `approvedAt` for incoming, `sentAt` for outgoing documents.
    static func post(
        _ hub: HubHarness,
        externalID: String,
        file: (name: String, data: Data)?,
        direction: String = "incoming",
        moment: String = "2026-02-01T10:00:00Z",
        tenant: String = "acme",
        token: String? = nil
    ) async throws -> HubHarness.Answer {
        let member = direction == "outgoing" ? "sentAt" : "approvedAt"
        let (body, contentType) = form(
            [("externalId", externalID), ("direction", direction), (member, moment)],
            file: file
        )
        return try await hub.send(
            .post,
            "/api/v1/tenants/\(tenant)/documents",
            body: body,
            contentType: contentType,
            token: token
        )
    }

    static func document(_ hub: HubHarness, _ id: String) async throws -> [String: Any] {
        try await hub.send(.get, "/api/v1/tenants/acme/documents/\(id)").json()
    }

    static func all(_ hub: HubHarness, _ ids: [String], are state: String) async throws -> Bool {
        for id in ids where try await document(hub, id)["state"] as? String != state { return false }
        return true
    }

    static func client(_ hub: HubHarness) -> LexofficeClient {
        LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: hub.sandbox.baseURL, requestsPerSecond: 0),
            credentials: StaticAPIKey(Secret(hub.sandbox.defaultAPIKey))
        )
    }

    @Test("every sample becomes a voucher with its number, date, totals and tax per rate, the original attached")
    func everySample() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Self.forwardingTenant(hub)
            var posted: [(ForwardedSample, String, String)] = []
            for (index, sample) in ForwardedSample.all.enumerated() {
                let direction = index.isMultiple(of: 2) ? "incoming" : "outgoing"
                let name = String(sample.path.split(separator: "/").last ?? "sample.xml")
                let answer = try await Self.post(
                    hub,
                    externalID: "doc-\(index)",
                    file: (name, try Self.sample(sample.path)),
                    direction: direction
                )
                #expect(answer.status == 202, "\(sample.path): \(answer.body)")
                posted.append((sample, try #require(answer.json()["id"] as? String), direction))
            }
            let ids = posted.map(\.1)
            #expect(try await hub.runWorkers(timeout: .seconds(90)) { try await Self.all(hub, ids, are: "forwarded") })
            let client = Self.client(hub)
            for (sample, id, direction) in posted {
                let document = try await Self.document(hub, id)
                let voucherID = try #require(document["voucherId"] as? String, "\(sample.path): \(document)")
                let voucher = try await client.vouchers.get(try LexofficeID(voucherID))
                let expectedType: VoucherType =
                    switch (direction, sample.isCredit) {
                    case ("incoming", false): .purchaseInvoice
                    case ("incoming", true): .purchaseCreditNote
                    case (_, false): .salesInvoice
                    default: .salesCreditNote
                    }
                #expect(voucher.type == expectedType, "\(sample.path)")
                #expect(voucher.voucherNumber == sample.number, "\(sample.path)")
                #expect(voucher.voucherDate?.day.description == sample.date, "\(sample.path)")
                #expect(voucher.taxType == .net, "\(sample.path)")
                #expect(voucher.totalGrossAmount == Decimal(string: sample.gross), "\(sample.path)")
                #expect(voucher.totalTaxAmount == Decimal(string: sample.tax), "\(sample.path)")
                let items = (voucher.voucherItems ?? []).map { "\($0.taxRatePercent):\($0.amount):\($0.taxAmount)" }
                #expect(items.sorted() == sample.rates.sorted(), "\(sample.path)")
                #expect(voucher.files?.count == 1, "\(sample.path): the original is attached")
                #expect(voucher.contactId != nil, "\(sample.path)")
            }
        }
    }

    @Test(
        "tampered totals, XXE, plain PDFs and images go up as files with the reason; a repeat content is not sent again"
    )
    func fallbacks() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Self.forwardingTenant(hub)
            let original = String(decoding: try Self.sample("cii/EN16931_Einfach.cii.xml"), as: UTF8.self)
            let tampered = original.replacingOccurrences(
                of: "<ram:GrandTotalAmount>529.87</ram:GrandTotalAmount>",
                with: "<ram:GrandTotalAmount>529.88</ram:GrandTotalAmount>"
            )
            #expect(tampered != original)
            let xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&x;</rsm:CrossIndustryInvoice>
                """
            let unnumbered = original.replacingOccurrences(of: "<ram:ID>471102</ram:ID>", with: "")
            let foreign = original.replacingOccurrences(
                of: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
                with: "urn:example:not-cii"
            )
            #expect(unnumbered != original && foreign != original)
            let plainPDF = Data("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
            let files: [(String, String, Data)] = [
                ("tampered", "tampered.xml", Data(tampered.utf8)),
                ("xxe", "xxe.xml", Data(xxe.utf8)),
                ("scan", "scan.pdf", plainPDF),
                ("photo", "photo.png", png),
                ("scan-again", "scan-copy.pdf", plainPDF),
                ("unnumbered", "unnumbered.xml", Data(unnumbered.utf8)),
                ("foreign", "foreign.xml", Data(foreign.utf8)),
            ]
            var ids: [String: String] = [:]
            for (externalID, name, data) in files {
                let answer = try await Self.post(hub, externalID: externalID, file: (name, data))
                #expect(answer.status == 202, "\(externalID): \(answer.body)")
                ids[externalID] = try #require(answer.json()["id"] as? String)
            }
            let all = Array(ids.values)
            #expect(try await hub.runWorkers { try await Self.all(hub, all, are: "forwarded") })
            let tamperedDocument = try await Self.document(hub, try #require(ids["tampered"]))
            #expect((tamperedDocument["reason"] as? String)?.contains("totals-mismatch") == true, "\(tamperedDocument)")
            #expect(tamperedDocument["fileId"] as? String != nil)
            let steps = try #require(tamperedDocument["steps"] as? [[String: Any]])
            #expect(steps.map { $0["name"] as? String } == ["upload"], "a plain upload, no voucher: \(steps)")
            let xxeDocument = try await Self.document(hub, try #require(ids["xxe"]))
            #expect((xxeDocument["reason"] as? String)?.contains("forbidden-dtd") == true, "\(xxeDocument)")
            let unnumberedDocument = try await Self.document(hub, try #require(ids["unnumbered"]))
            #expect(
                (unnumberedDocument["reason"] as? String)?.contains("missing-field BT-1") == true,
                "\(unnumberedDocument)"
            )
            let foreignDocument = try await Self.document(hub, try #require(ids["foreign"]))
            #expect((foreignDocument["reason"] as? String)?.contains("unknown-namespace") == true, "\(foreignDocument)")
            let scan = try await Self.document(hub, try #require(ids["scan"]))
            let again = try await Self.document(hub, try #require(ids["scan-again"]))
            #expect(scan["fileId"] as? String != nil)
            #expect(again["fileId"] as? String == scan["fileId"] as? String)
            let uploads = try await Transfers.journal(hub).filter { $0 == "POST /v1/files" }
            #expect(uploads.count == 6, "all but the repeated scan are uploaded once: \(uploads)")
        }
    }

    @Test("a document approved before the activation is skipped with the reason; the hub-wide switch makes work wait")
    func cutoffAndSwitch() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Self.forwardingTenant(hub)
            let pdf = Data("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
            let early = try await Self.post(
                hub,
                externalID: "early",
                file: ("a.pdf", pdf),
                moment: "2025-12-31T23:59:59Z"
            )
            let earlyID = try #require(try early.json()["id"] as? String)
            #expect(try await hub.runWorkers { try await Self.all(hub, [earlyID], are: "skipped") })
            let skipped = try await Self.document(hub, earlyID)
            #expect((skipped["reason"] as? String)?.contains("before forwarding was activated") == true, "\(skipped)")

            let late = try await Self.post(hub, externalID: "late", file: ("b.pdf", pdf + Data("x".utf8)))
            let lateID = try #require(try late.json()["id"] as? String)
            let off = try await hub.send(.put, "/api/v1/forwarding", json: #"{"active":false}"#)
            #expect(off.status == 200, "\(off.body)")
            _ = try await hub.runWorkers(timeout: .seconds(2)) {
                try await Self.document(hub, lateID)["reason"] as? String != nil
            }
            let waiting = try await Self.document(hub, lateID)
            #expect(waiting["state"] as? String == "pending")
            #expect((waiting["reason"] as? String)?.contains("switched off") == true, "\(waiting)")
            #expect(try await Transfers.journal(hub).filter { $0 == "POST /v1/files" }.isEmpty)

            let on = try await hub.send(.put, "/api/v1/forwarding", json: #"{"active":true}"#)
            #expect(on.status == 200, "\(on.body)")
            #expect(try await hub.runWorkers { try await Self.all(hub, [lateID], are: "forwarded") })
        }
    }

    @Test("a voucher create and an upload in doubt (timeout after lexoffice executed them) each exist once")
    func inDoubt() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Self.forwardingTenant(hub)
            for path in ["/v1/vouchers", "/v1/files"] {
                let rule = #"{"path":"\#(path)","method":"POST","action":"timeoutAfterExecution","remaining":1}"#
                #expect(try await InvoiceTransferFlowTests.admin(hub, "faults", body: rule) == 201)
            }
            let invoice = try await Self.post(
                hub,
                externalID: "e-1",
                file: ("einfach.xml", try Self.sample("cii/EN16931_Einfach.cii.xml"))
            )
            let scan = Data("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
            let upload = try await Self.post(hub, externalID: "s-1", file: ("scan.pdf", scan))
            let ids = [
                try #require(try invoice.json()["id"] as? String), try #require(try upload.json()["id"] as? String),
            ]
            #expect(try await hub.runWorkers { try await Self.all(hub, ids, are: "forwarded") })

            let vouchers = try await Self.client(hub).voucherList.page(
                VoucherListFilter(
                    voucherTypes: .only([.purchaseInvoice]),
                    voucherStatuses: .any,
                    voucherNumber: "471102"
                ),
                page: try PageRequest(page: 0, size: 25)
            )
            #expect(vouchers.content.count == 1, "the voucher in doubt was looked up, not created again")
            let document = try await Self.document(hub, ids[0])
            #expect(vouchers.content.first?.id.rawValue == document["voucherId"] as? String)
            let steps = try #require(document["steps"] as? [[String: Any]])
            let voucherStep = steps.first { $0["name"] as? String == "voucher" }
            #expect(voucherStep?["note"] as? String == "found in lexoffice after an unknown outcome; not sent again")
            let uploads = try await Transfers.journal(hub).filter { $0 == "POST /v1/files" }
            #expect(uploads.count == 2, "sent again after the timeout: \(uploads)")
            let scanned = try await Self.document(hub, ids[1])
            #expect(scanned["fileId"] as? String != nil, "lexoffice answered the first upload's file for the repeat")
        }
    }

    @Test("a drop folder takes complete files once: received ones move to done/, refused ones to failed/ with a reason")
    func dropFolder() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await Self.forwardingTenant(hub)
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-drop-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let acme = root.appendingPathComponent("acme")
            let incoming = acme.appendingPathComponent("incoming")
            try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
            let scan = Data("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
            try scan.write(to: incoming.appendingPathComponent("scan.pdf"))
            try Data("hello".utf8).write(to: incoming.appendingPathComponent("notes.txt"))
            try scan.write(to: incoming.appendingPathComponent("copying.pdf.part"))
            try scan.write(to: incoming.appendingPathComponent(".hidden.pdf"))
            let folder = DropFolder(root: root, inbox: ForwardingStore(queue: JobQueue(database: hub.database)))
            func exists(_ path: String) -> Bool {
                FileManager.default.fileExists(atPath: acme.appendingPathComponent(path).path)
            }

            var seen = try await folder.poll(after: [:])
            #expect(exists("incoming/scan.pdf") && exists("incoming/notes.txt"), "a file seen once may still grow")
            seen = try await folder.poll(after: seen)
            #expect(exists("done/scan.pdf") && !exists("incoming/scan.pdf"))
            #expect(exists("failed/notes.txt"))
            let reason = try String(
                contentsOf: acme.appendingPathComponent("failed/notes.txt.reason.txt"),
                encoding: .utf8
            )
            #expect(reason.contains("not a PDF, PNG, JPEG or XML"))
            #expect(
                exists("incoming/copying.pdf.part") && exists("incoming/.hidden.pdf"),
                "incomplete and hidden files stay"
            )

            let list = try await hub.send(.get, "/api/v1/tenants/acme/documents").json()
            let items = try #require(list["items"] as? [[String: Any]])
            #expect(items.map { $0["externalId"] as? String } == ["scan.pdf"])
            let id = try #require(items.first?["id"] as? String)
            #expect(try await hub.runWorkers { try await Self.all(hub, [id], are: "forwarded") })

            try (scan + Data("changed".utf8)).write(to: incoming.appendingPathComponent("scan.pdf"))
            seen = try await folder.poll(after: seen)
            _ = try await folder.poll(after: seen)
            #expect(exists("failed/scan.pdf"))
            let duplicate = try String(
                contentsOf: acme.appendingPathComponent("failed/scan.pdf.reason.txt"),
                encoding: .utf8
            )
            #expect(duplicate.contains("received before with other content"))
        }
    }

    @Test("intake: 202, 200 for the same content, 409 for other content, 413, 415, 422 naming the fields")
    func intake() async throws {
        try await HubHarness.with { hub in
            try await Self.forwardingTenant(hub)
            let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)
            #expect(try await Self.post(hub, externalID: "d-1", file: ("a.pdf", pdf)).status == 202)
            let repeated = try await Self.post(hub, externalID: "d-1", file: ("a.pdf", pdf))
            #expect(repeated.status == 200, "\(repeated.body)")
            let other = try await Self.post(hub, externalID: "d-1", file: ("a.pdf", pdf + Data("changed".utf8)))
            #expect(other.status == 409, "\(other.body)")
            #expect(other.headers["content-type"]?.hasPrefix("application/problem+json") == true)

            let fourMegabytes = Data("%PDF-1.4\n".utf8) + Data(repeating: 0x20, count: 4 * 1024 * 1024)
            let accepted = try await Self.post(hub, externalID: "d-4mb", file: ("big.pdf", fourMegabytes))
            #expect(accepted.status == 202, "up to lexoffice's 5 MB, beyond the API's 1 MiB for JSON: \(accepted.body)")
            let large = Data("%PDF-1.4\n".utf8) + Data(repeating: 0x20, count: 5 * 1024 * 1024)
            let tooLarge = try await Self.post(hub, externalID: "big", file: ("big.pdf", large))
            #expect(tooLarge.status == 413)
            #expect(
                try tooLarge.json()["detail"] as? String
                    == "The document exceeds lexoffice's limit of 5 MB (5242880 bytes)."
            )

            let text = try await Self.post(hub, externalID: "t-1", file: ("a.txt", Data("hello".utf8)))
            #expect(text.status == 415, "\(text.body)")

            let (body, contentType) = Self.form([("direction", "sideways")], file: nil)
            let invalid = try await hub.send(
                .post,
                "/api/v1/tenants/acme/documents",
                body: body,
                contentType: contentType
            )
            #expect(invalid.status == 422)
            let pointers = try #require(try invalid.json()["errors"] as? [[String: Any]]).compactMap {
                $0["pointer"] as? String
            }
            #expect(pointers == ["#/externalId", "#/direction", "#/approvedAt", "#/file"])

            let badSettings = try await hub.send(
                .patch,
                "/api/v1/tenants/acme",
                json: #"{"forwarding":{"mode":"guess","active":null,"categories":{"incoming":"x"}}}"#
            )
            #expect(badSettings.status == 422)
            let settingPointers = try #require(try badSettings.json()["errors"] as? [[String: Any]]).compactMap {
                $0["pointer"] as? String
            }
            #expect(
                settingPointers == ["#/forwarding/active", "#/forwarding/mode", "#/forwarding/categories/incoming"]
            )

            let list = try await hub.send(.get, "/api/v1/tenants/acme/documents?state=pending").json()
            #expect((list["items"] as? [[String: Any]])?.count == 2)
            let tenant = try await hub.send(.get, "/api/v1/tenants/acme").json()
            let forwarding = try #require(tenant["forwarding"] as? [String: Any])
            #expect(forwarding["active"] as? Bool == true)
            #expect(forwarding["mode"] as? String == "read")
        }
    }
}

/// What a sample must become, transcribed from the samples (EInvoiceKit's tests pin the reading itself).
struct ForwardedSample: Sendable {
    var path: String
    var number: String
    var date: String
    var gross: String
    var tax: String
    /// `rate:net:tax` per voucher item.
    var rates: [String]
    var isCredit = false

    static let einfachRates = ["7:275:19.25", "19:198:37.62"]

    /// An invoice of the "Einfach" family: number 471102, 529.87 gross, 7 % and 19 %.
    private static func einfach(_ path: String, _ date: String) -> ForwardedSample {
        ForwardedSample(path: path, number: "471102", date: date, gross: "529.87", tax: "56.87", rates: einfachRates)
    }

    /// The same invoice in the listed syntaxes, with one tax rate.
    private static func oneRate(
        _ paths: [String],
        number: String,
        date: String,
        net: String,
        tax: String,
        gross: String,
        rate: String
    ) -> [ForwardedSample] {
        paths.map {
            ForwardedSample(
                path: $0,
                number: number,
                date: date,
                gross: gross,
                tax: tax,
                rates: ["\(rate):\(net):\(tax)"]
            )
        }
    }

    private static func syntaxes(_ name: String, pdf: Bool = false) -> [String] {
        ["cii/\(name).cii.xml", "ubl/\(name).ubl.xml"] + (pdf ? ["zugferd-pdf/\(name).pdf"] : [])
    }

    private static func kosit(_ name: String) -> [String] {
        ["cii/kosit-\(name)-INVOICE_uncefact.xml", "ubl/kosit-\(name)-INVOICE_ubl.xml"]
    }

    private static let einfachSamples: [ForwardedSample] = [
        einfach("cii/EN16931_Einfach.cii.xml", "2018-03-05"),
        einfach("ubl/EN16931_Einfach.ubl.xml", "2018-03-05"),
        einfach("zugferd-pdf/EN16931_Einfach.pdf", "2018-03-05"),
        einfach("cii/EN16931_Einfach_DueDate.cii.xml", "2018-03-05"),
        einfach("ubl/EN16931_Einfach_DueDate.ubl.xml", "2018-03-05"),
        einfach("zugferd-pdf/EN16931_Einfach_DueDate.pdf", "2018-03-05"),
        einfach("cii/XRECHNUNG_Einfach.cii.xml", "2024-11-15"),
        einfach("ubl/XRECHNUNG_Einfach.ubl.xml", "2024-11-15"),
        einfach("zugferd-pdf/XRECHNUNG_Einfach.pdf", "2018-03-05"),
        einfach("zugferd-pdf/ZUGFeRD_1p0_COMFORT_Einfach.pdf", "2013-03-05"),
    ]

    private static let corpusSamples: [ForwardedSample] =
        oneRate(
            syntaxes("EN16931_Elektron"),
            number: "181301674",
            date: "2018-04-25",
            net: "252.1",
            tax: "47.9",
            gross: "300",
            rate: "19"
        )
        + oneRate(
            syntaxes("EN16931_Miete", pdf: true),
            number: "9314110911/00/M/00/N",
            date: "2018-10-01",
            net: "286.52",
            tax: "54.44",
            gross: "340.96",
            rate: "19"
        )
        + oneRate(
            syntaxes("EN16931_OEPNV"),
            number: "E2018092011804",
            date: "2018-09-20",
            net: "8.41",
            tax: "0.59",
            gross: "9",
            rate: "7"
        )
        + oneRate(
            syntaxes("EN16931_Physiotherapeut", pdf: true),
            number: "R18-31",
            date: "2018-10-03",
            net: "380",
            tax: "0",
            gross: "380",
            rate: "0"
        )

    private static let kositSamples: [ForwardedSample] =
        oneRate(
            kosit("01.01a"),
            number: "123456XX",
            date: "2016-04-04",
            net: "314.86",
            tax: "22.04",
            gross: "336.9",
            rate: "7"
        )
        + oneRate(
            kosit("01.02a"),
            number: "123456",
            date: "2016-06-21",
            net: "11.78",
            tax: "0.82",
            gross: "12.6",
            rate: "7"
        )
        + oneRate(
            kosit("01.03a"),
            number: "RR123456",
            date: "2016-06-24",
            net: "170.28",
            tax: "11.92",
            gross: "182.2",
            rate: "7"
        )
        + oneRate(
            kosit("01.04a"),
            number: "1234/78/901",
            date: "2016-06-16",
            net: "120",
            tax: "0",
            gross: "120",
            rate: "0"
        )
        + oneRate(
            kosit("01.05a"),
            number: "PRG1502112",
            date: "2015-04-24",
            net: "8870",
            tax: "1685.3",
            gross: "10555.3",
            rate: "19"
        )

    static let all: [ForwardedSample] = einfachSamples + corpusSamples + kositSamples + singles

    private static let singles: [ForwardedSample] = [
        ForwardedSample(
            path: "ubl/ubl-tc434-creditnote1.xml",
            number: "018304 / 28865",
            date: "2019-09-23",
            gross: "100.11",
            tax: "0",
            rates: ["0:100.11:0"],
            isCredit: true
        ),
        ForwardedSample(
            path: "zugferd-pdf/EN16931_1_Teilrechnung.pdf",
            number: "471102",
            date: "2018-06-05",
            gross: "197.65",
            tax: "20.16",
            rates: ["7:113.03:7.91", "19:64.46:12.25"]
        ),
        ForwardedSample(
            path: "zugferd-pdf/ZUGFeRD_1p0_BASIC_Einfach.pdf",
            number: "471102",
            date: "2013-03-05",
            gross: "235.62",
            tax: "37.62",
            rates: ["19:198:37.62"]
        ),
    ]
}
