import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `/v1/vouchers` through LexofficeKit and raw HTTP: the documented sample, validation, dates, locking, status
/// change and the voucher number filter.
@Suite(.timeLimit(.minutes(1)))
struct VoucherConformanceTests {
    /// Warenverkäufe (income).
    static let salesCategory = "8f8664a8-fd86-11e1-a21f-0800200c9a66"
    /// Bürobedarf (outgo).
    static let purchaseCategory = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"

    /// A raw lexoffice sample from `Tests/Fixtures/lexoffice`.
    static func fixture(_ name: String) throws -> JSONValue {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lexoffice/\(name)")
        return try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
    }

    /// POSTs a raw voucher body.
    static func post(
        _ body: JSONValue,
        to server: SandboxServer
    ) async throws -> (
        status: Int, headers: [String: String], json: JSONValue?, text: String
    ) {
        try await SandboxHarness.send(
            "POST",
            server.baseURL + "/vouchers",
            apiKey: server.defaultAPIKey,
            body: String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
        )
    }

    /// The id of a successful raw create.
    static func createdID(
        _ response: (status: Int, headers: [String: String], json: JSONValue?, text: String)
    )
        throws -> LexofficeID
    {
        #expect(response.status == 201, "\(response.text)")
        return try LexofficeID(try #require(response.json?["id"]?.stringValue))
    }

    private static func amount(_ text: String) throws -> Decimal {
        try #require(Decimal(string: text))
    }

    @Test("the documented create sample is stored and read back with date-times, dueDate and version 1")
    func documentedSample() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let response = try await Self.post(try Self.fixture("voucher-create.json"), to: server)
            let id = try Self.createdID(response)
            #expect(response.headers["location"] == server.baseURL + "/vouchers/\(id)")
            #expect(response.json?["resourceUri"]?.stringValue == response.headers["location"])
            #expect(response.json?["version"] == .number(1))

            let raw = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/vouchers/\(id)",
                apiKey: server.defaultAPIKey
            )
            #expect(raw.status == 200)
            #expect(raw.json?["voucherDate"] == .string("2025-03-02T00:00:00.000+01:00"))
            #expect(raw.json?["shippingDate"] == .string("2025-03-03T00:00:00.000+01:00"))
            #expect(raw.json?["dueDate"] == .string("2025-03-02T00:00:00.000+01:00"))
            #expect(raw.json?["voucherStatus"] == .string("open"))
            #expect(raw.json?["files"] == .array([]))

            let voucher = try await client.vouchers.get(id)
            #expect(voucher.id == id)
            #expect(voucher.organizationId == server.defaultOrganizationID)
            #expect(voucher.version == 1)
            #expect(voucher.totalGrossAmount == (try Self.amount("53.50")))
            #expect(voucher.totalTaxAmount == (try Self.amount("6.53")))
            #expect(voucher.voucherItems?.count == 2)
            #expect(voucher.contactName == "Max Beispiel")
            #expect(voucher.useCollectiveContact == true)
            #expect(voucher.createdDate != nil && voucher.createdDate == voucher.updatedDate)
        }
    }

    @Test("plain dates and date-times are stored as German local midnight; dueDate and status may be sent")
    func dates() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let body = try Self.fixture("voucher-create.json").with([
                "voucherStatus": #""open""#,
                "voucherDate": #""2025-07-01T15:30:00.000+02:00""#,
                "shippingDate": nil,
                "dueDate": #""2025-07-15""#,
            ])
            let id = try Self.createdID(try await Self.post(body, to: server))
            let raw = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/vouchers/\(id)",
                apiKey: server.defaultAPIKey
            )
            #expect(raw.json?["voucherDate"] == .string("2025-07-01T00:00:00.000+02:00"))
            #expect(raw.json?["dueDate"] == .string("2025-07-15T00:00:00.000+02:00"))
            #expect(raw.json?["shippingDate"] == nil)
        }
    }

    @Test("read-only fields in the body are ignored, and POST accepts version 0 or 1")
    func readOnlyFieldsIgnored() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let foreign = LexofficeID.random()
            let body = try Self.fixture("voucher-create.json").with([
                "id": "\"\(foreign)\"",
                "organizationId": "\"\(LexofficeID.random())\"",
                "createdDate": #""2020-01-01T00:00:00.000+01:00""#,
                "files": "[\"\(LexofficeID.random())\"]",
                "version": "0",
            ])
            let id = try Self.createdID(try await Self.post(body, to: server))
            #expect(id != foreign)
            let voucher = try await client.vouchers.get(id)
            #expect(voucher.organizationId == server.defaultOrganizationID)
            #expect(voucher.files == [])
            #expect(voucher.version == 1)
            #expect(voucher.createdDate?.localDay != (try PlainDate("2020-01-01")))
        }
    }

    @Test("a net voucher with a contact: tax per item is round2(amount × rate), totals include it")
    func netVoucher() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let contact = try await client.contacts.create(
                Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), company: Company(name: "Radhaus"))
            )
            let category = try LexofficeID(Self.salesCategory)
            let voucher = Voucher(
                type: .salesInvoice,
                taxType: .net,
                voucherNumber: "R-401",
                voucherDate: .day(try PlainDate("2025-02-10")),
                totalGrossAmount: try Self.amount("134.00"),
                totalTaxAmount: try Self.amount("13.00"),
                contactId: contact.id,
                voucherItems: [
                    VoucherItem(
                        amount: try Self.amount("37.79"),
                        taxAmount: try Self.amount("7.18"),
                        taxRatePercent: 19,
                        categoryId: category
                    ),
                    VoucherItem(
                        amount: try Self.amount("83.14"),
                        taxAmount: try Self.amount("5.82"),
                        taxRatePercent: 7,
                        categoryId: category
                    ),
                    VoucherItem(amount: try Self.amount("0.07"), taxAmount: 0, taxRatePercent: 0, categoryId: category),
                ]
            )
            let result = try await client.vouchers.create(voucher)
            #expect(result.version == 1)
            let stored = try await client.vouchers.get(result.id)
            #expect(stored.contactId == contact.id)
            #expect(stored.useCollectiveContact == false)
            #expect(stored.voucherDate == .dateTime(LexofficeDateTime(localMidnightOf: try PlainDate("2025-02-10"))))
            #expect(stored.dueDate == stored.voucherDate)
        }
    }

    @Test("an item tax within one cent of the computed tax is accepted")
    func itemTaxTolerance() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let body = try Self.fixture("voucher-create.json").with([
                "totalTaxAmount": "6.52",
                "voucherItems": """
                [{"amount":32.10,"taxAmount":5.12,"taxRatePercent":19,"categoryId":"\(Self.salesCategory)"},
                 {"amount":21.40,"taxAmount":1.40,"taxRatePercent":7,"categoryId":"\(Self.salesCategory)"}]
                """,
            ])
            _ = try Self.createdID(try await Self.post(body, to: server))
        }
    }

    @Test(
        "invalid vouchers are rejected with 406 naming the field in the legacy shape",
        arguments: InvalidVoucher.cases
    )
    func validation(_ invalid: InvalidVoucher) async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let response = try await Self.post(
                try Self.fixture("voucher-create.json").with(invalid.changes),
                to: server
            )
            #expect(response.status == 406, "\(response.text)")
            guard case .array(let issues)? = response.json?["IssueList"] else {
                Issue.record("expected an IssueList body, got \(response.text)")
                return
            }
            #expect(
                issues.contains {
                    $0["source"]?.stringValue == invalid.source && $0["i18nKey"]?.stringValue == invalid.key
                },
                "\(response.text)"
            )
            #expect(issues.allSatisfy { $0["type"]?.stringValue == "validation_failure" })
        }
    }

    @Test("an unchecked voucher needs no amounts, has no dueDate, and a PUT can make it open (only that change)")
    func uncheckedToOpen() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let id = try Self.createdID(
                try await Self.post(try Self.fixture("voucher-unchecked-create.json"), to: server)
            )
            var voucher = try await client.vouchers.get(id)
            #expect(voucher.voucherStatus == .unchecked)
            #expect(voucher.dueDate == nil)
            #expect(voucher.voucherDate == nil)

            voucher.voucherStatus = .open
            voucher.voucherNumber = "ER-2025-0311"
            voucher.voucherDate = .day(try PlainDate("2025-03-11"))
            voucher.totalGrossAmount = 119
            voucher.totalTaxAmount = 19
            voucher.voucherItems = [
                VoucherItem(
                    amount: 119,
                    taxAmount: 19,
                    taxRatePercent: 19,
                    categoryId: try LexofficeID(Self.purchaseCategory)
                )
            ]
            let updated = try await client.vouchers.update(voucher, id: id)
            #expect(updated.version == 2)
            var opened = try await client.vouchers.get(id)
            #expect(opened.voucherStatus == .open)
            #expect(opened.dueDate == .dateTime(LexofficeDateTime(localMidnightOf: try PlainDate("2025-03-11"))))
            #expect(opened.version == 2)

            opened.voucherStatus = .unchecked
            let error = await #expect(throws: LexofficeError.self) { try await client.vouchers.update(opened, id: id) }
            #expect(error?.status == 406)
            #expect(
                error?.body
                    == .legacy(issues: [
                        LegacyIssue(i18nKey: "invalid_value", source: "voucherStatus", type: "validation_failure")
                    ])
            )
            #expect(try await client.vouchers.get(id).voucherStatus == .open)
        }
    }

    @Test("an update needs the current version; a stale one is a 409 in the legacy shape")
    func versionConflict() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let id = try Self.createdID(try await Self.post(try Self.fixture("voucher-create.json"), to: server))
            var voucher = try await client.vouchers.get(id)
            voucher.remark = "geprüft"
            #expect(try await client.vouchers.update(voucher, id: id).version == 2)
            #expect(try await client.vouchers.get(id).remark == "geprüft")

            let error = await #expect(throws: LexofficeError.self) { try await client.vouchers.update(voucher, id: id) }
            #expect(error?.code == .versionConflict)
            #expect(error?.status == 409)
            let raw = try await SandboxHarness.send(
                "PUT",
                server.baseURL + "/vouchers/\(id)",
                apiKey: server.defaultAPIKey,
                body: String(decoding: try JSONEncoder().encode(voucher), as: UTF8.self)
            )
            #expect(raw.status == 409)
            guard case .array(let issues)? = raw.json?["IssueList"] else {
                Issue.record("expected an IssueList body, got \(raw.text)")
                return
            }
            #expect(issues.count == 1)
        }
    }

    @Test("unknown vouchers are 404 in the legacy shape")
    func unknownVoucher() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let raw = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/vouchers/\(LexofficeID.random())",
                apiKey: server.defaultAPIKey
            )
            #expect(raw.status == 404)
            #expect(raw.json?["IssueList"] != nil)
            let error = await #expect(throws: LexofficeError.self) {
                try await client.vouchers.update(
                    Voucher(type: .salesInvoice, taxType: .gross, useCollectiveContact: true, version: 1),
                    id: .random()
                )
            }
            #expect(error?.code == .notFound)
        }
    }

    @Test("the voucherNumber filter matches exactly, pages, decodes HTML entities and is required")
    func voucherNumberFilter() async throws {
        try await SandboxHarness.withSandbox { server, client in
            for number in ["SHOP-1", "SHOP-10", "SHOP-1", "Rad & Tat <1>"] {
                let body = try Self.fixture("voucher-create.json").with(["voucherNumber": "\"\(number)\""])
                _ = try Self.createdID(try await Self.post(body, to: server))
            }
            let page = try await client.vouchers.page(voucherNumber: "SHOP-1", page: PageRequest(page: 0, size: 1))
            #expect(page.content.map(\.voucherNumber) == ["SHOP-1"])
            #expect(page.totalElements == 2)
            #expect(page.totalPages == 2)
            #expect(page.size == 1)
            let special = try await client.vouchers.page(voucherNumber: "Rad & Tat <1>", page: PageRequest())
            #expect(special.content.map(\.voucherNumber) == ["Rad & Tat <1>"])
            #expect(try await client.vouchers.page(voucherNumber: "SHOP", page: PageRequest()).content.isEmpty)

            let missing = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/vouchers",
                apiKey: server.defaultAPIKey
            )
            #expect(missing.status == 400)
            guard case .array(let issues)? = missing.json?["IssueList"] else {
                Issue.record("expected an IssueList body, got \(missing.text)")
                return
            }
            #expect(issues.first?["source"] == .string("voucherNumber"))
            #expect(issues.first?["i18nKey"] == .string("bad_request_error"))
        }
    }
}

/// A voucher body that breaks one rule, and the issue lexoffice reports for it.
struct InvalidVoucher: Sendable, CustomTestStringConvertible {
    var testDescription: String
    /// Members to replace in the documented sample (JSON text); `nil` removes the member.
    var changes: [String: String?]
    var source: String
    var key: String

    private static let sales = VoucherConformanceTests.salesCategory

    /// The two items of the documented sample with the first item's tax replaced.
    private static func items(firstTax: String, category: String = sales) -> String {
        """
        [{"amount":32.10,"taxAmount":\(firstTax),"taxRatePercent":19,"categoryId":"\(category)"},
         {"amount":21.40,"taxAmount":1.40,"taxRatePercent":7,"categoryId":"\(category)"}]
        """
    }

    private static func breaking(
        _ description: String,
        _ changes: [String: String?],
        _ source: String,
        _ key: String
    ) -> InvalidVoucher {
        InvalidVoucher(testDescription: description, changes: changes, source: source, key: key)
    }

    static let cases: [InvalidVoucher] = [
        breaking("a status other than open/unchecked", ["voucherStatus": #""paid""#], "voucherStatus", "invalid_value"),
        breaking("no type", ["type": nil], "type", "missing_entity"),
        breaking("a sales voucher type", ["type": #""invoice""#], "type", "invalid_value"),
        breaking("no tax type", ["taxType": nil], "taxType", "missing_entity"),
        breaking("no voucher number", ["voucherNumber": nil], "voucherNumber", "missing_entity"),
        breaking("no voucher date", ["voucherDate": nil], "voucherDate", "missing_entity"),
        breaking("an unparseable date", ["voucherDate": #""02.03.2025""#], "voucherDate", "invalid_value"),
        breaking("no gross total", ["totalGrossAmount": nil], "totalGrossAmount", "missing_entity"),
        breaking("no tax total", ["totalTaxAmount": nil], "totalTaxAmount", "missing_entity"),
        breaking("no items", ["voucherItems": nil], "voucherItems", "missing_entity"),
        breaking("an empty item list", ["voucherItems": "[]"], "voucherItems", "missing_entity"),
        breaking(
            "neither contact nor collective contact",
            ["useCollectiveContact": nil],
            "contactId",
            "missing_entity"
        ),
        breaking(
            "an unknown contact",
            ["useCollectiveContact": "false", "contactId": #""0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0""#],
            "contactId",
            "invalid_value"
        ),
        breaking(
            "net and unchecked",
            ["voucherStatus": #""unchecked""#, "taxType": #""net""#],
            "taxType",
            "invalid_value"
        ),
        breaking(
            "a tax rate of 20 %",
            [
                "voucherItems": #"[{"amount":53.50,"taxAmount":8.92,"taxRatePercent":20,"categoryId":"\#(sales)"}]"#,
                "totalTaxAmount": "8.92",
            ],
            "voucherItems[0].taxRatePercent",
            "invalid_taxrate_20"
        ),
        breaking(
            "a gross total unlike the item sum",
            ["totalGrossAmount": "53.49"],
            "totalGrossAmount",
            "invalid_total_amount"
        ),
        breaking(
            "an item tax changed without the tax total",
            ["voucherItems": items(firstTax: "5.12")],
            "totalTaxAmount",
            "invalid_total_amount"
        ),
        breaking(
            "an item tax more than a cent off its rate",
            ["voucherItems": items(firstTax: "4.00"), "totalTaxAmount": "5.40"],
            "voucherItems[0].taxAmount",
            "invalid_tax_amount"
        ),
        breaking(
            "an unknown posting category",
            ["voucherItems": items(firstTax: "5.13", category: "11111111-2222-4333-8444-555555555555")],
            "voucherItems[0].categoryId",
            "invalid_value"
        ),
        breaking(
            "an outgo category on a sales voucher",
            ["voucherItems": items(firstTax: "5.13", category: VoucherConformanceTests.purchaseCategory)],
            "voucherItems[1].categoryId",
            "invalid_value"
        ),
        breaking(
            "an income category on a purchase voucher",
            ["type": #""purchaseinvoice""#],
            "voucherItems[0].categoryId",
            "invalid_value"
        ),
        breaking(
            "the collective contact with a category that needs a contact",
            [
                "voucherItems":
                    #"[{"amount":100,"taxAmount":0,"taxRatePercent":0,"categoryId":"9075a4e3-66de-4795-a016-3889feca0d20"}]"#,
                "totalGrossAmount": "100",
                "totalTaxAmount": "0",
            ],
            "useCollectiveContact",
            "collective_customer_not_applicable"
        ),
        breaking("version 2 on create", ["version": "2"], "version", "invalid_value"),
    ]
}

extension JSONValue {
    /// A copy of this object with members replaced by parsed JSON text; `nil` removes a member.
    func with(_ changes: [String: String?]) throws -> JSONValue {
        guard case .object(var members) = self else { return self }
        for (key, text) in changes {
            members[key] = try text.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        }
        return .object(members)
    }
}
