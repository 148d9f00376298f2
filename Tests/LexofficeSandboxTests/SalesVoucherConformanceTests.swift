import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// Invoices, credit notes, quotations, order confirmations, delivery notes and dunnings through LexofficeKit.
@Suite(.timeLimit(.minutes(1)))
struct SalesVoucherConformanceTests {
    static func day(_ text: String) throws -> LexofficeDateTime {
        LexofficeDateTime(localMidnightOf: try PlainDate(text))
    }

    static func line(
        _ name: String,
        _ quantity: Decimal,
        net: Decimal,
        rate: Decimal,
        discount: Decimal? = nil
    ) -> LineItem {
        LineItem(
            type: .custom,
            name: name,
            quantity: quantity,
            unitName: "Stück",
            unitPrice: UnitPrice(currency: .euro, taxRatePercentage: rate, netAmount: net),
            discountPercentage: discount
        )
    }

    static func invoice(_ lines: [LineItem], contactID: LexofficeID? = nil, taxType: TaxType = .net) throws -> Invoice {
        Invoice(
            voucherDate: try day("2025-03-10"),
            address: contactID.map { SalesVoucherAddress(contactId: $0) }
                ?? SalesVoucherAddress(name: "Muster Werkstatt GmbH", city: "Bremen", countryCode: "DE"),
            lineItems: lines,
            totalPrice: TotalPrice(currency: .euro),
            taxConditions: TaxConditions(taxType: taxType),
            shippingConditions: ShippingConditions(shippingType: .service, shippingDate: try day("2025-03-07"))
        )
    }

    static func customer(_ client: LexofficeClient) async throws -> LexofficeID {
        try await client.contacts.create(
            Contact(
                version: 0,
                roles: ContactRoles(customer: CustomerRole()),
                company: Company(name: "Radhaus Nord GmbH"),
                addresses: ContactAddresses(billing: [
                    ContactAddress(countryCode: "DE", street: "Lindenallee 7", zip: "22041", city: "Hamburg")
                ])
            )
        ).id
    }

    @Test("totals follow the documented worked example: per tax rate, half-up, 2 decimals")
    func workedExample() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let lines = [
                Self.line("Pos 1", 3, net: Decimal(string: "19.99")!, rate: 19),
                Self.line("Pos 2", 1, net: Decimal(string: "4.99")!, rate: 19, discount: 10),
                Self.line("Pos 3", Decimal(string: "2.5")!, net: Decimal(string: "12.40")!, rate: 7),
            ]
            let created = try await client.invoices.create(try Self.invoice(lines), finalize: true)
            let invoice = try await client.invoices.get(created.id)
            #expect(invoice.totalPrice.totalNetAmount == Decimal(string: "95.46"))
            #expect(invoice.totalPrice.totalTaxAmount == Decimal(string: "14.42"))
            #expect(invoice.totalPrice.totalGrossAmount == Decimal(string: "109.88"))
            #expect(
                invoice.taxAmounts == [
                    TaxAmount(taxRatePercentage: 7, taxAmount: Decimal(string: "2.17")!, netAmount: 31),
                    TaxAmount(
                        taxRatePercentage: 19,
                        taxAmount: Decimal(string: "12.25")!,
                        netAmount: Decimal(string: "64.46")!
                    ),
                ]
            )
            #expect(invoice.lineItems.map(\.lineItemAmount) == [Decimal(string: "59.97"), Decimal(string: "4.49"), 31])
            #expect(invoice.lineItems[0].unitPrice?.grossAmount == Decimal(string: "23.7881"))
        }
    }

    @Test("the documented gross invoice sample gives the documented totals and counterpart prices")
    func grossSample() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let contactID = try await Self.customer(client)
            let article = try await client.articles.create(
                Article(
                    title: "Montage",
                    type: .service,
                    unitName: "Stunde",
                    price: ArticlePrice(leadingPrice: .gross, taxRate: 7, grossPrice: Decimal(string: "64.2"))
                )
            )
            var invoice = try Invoice.fixture("invoice-create.json")
            invoice.address = SalesVoucherAddress(contactId: contactID)
            invoice.lineItems[1].id = article.id
            let created = try await client.invoices.create(invoice, finalize: true)
            let stored = try await client.invoices.get(created.id)
            #expect(stored.totalPrice.totalNetAmount == Decimal(string: "104.79"))
            #expect(stored.totalPrice.totalTaxAmount == Decimal(string: "16.31"))
            #expect(stored.totalPrice.totalGrossAmount == Decimal(string: "121.1"))
            #expect(stored.lineItems[0].unitPrice?.netAmount == Decimal(string: "74.7899"))
            #expect(stored.lineItems[1].unitPrice?.netAmount == 60)
            #expect(stored.address.name == "Radhaus Nord GmbH")
            #expect(stored.address.city == "Hamburg")
            #expect(stored.dueDate?.description == "2025-03-24T00:00:00.000+01:00")
            #expect(stored.voucherStatus == .open)
            #expect(stored.electronicDocumentProfile == .regular)
        }
    }

    @Test("drafts and finalized documents are numbered per type; drafts have no due date")
    func numbering() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let lines = [Self.line("Wartung", 2, net: 85, rate: 19)]
            let draft = try await client.invoices.get(try await client.invoices.create(try Self.invoice(lines)).id)
            let open = try await client.invoices.get(
                try await client.invoices.create(try Self.invoice(lines), finalize: true).id
            )
            #expect(draft.voucherNumber == "RE0001")
            #expect(draft.voucherStatus == .draft)
            #expect(draft.dueDate == nil)
            #expect(open.voucherNumber == "RE0002")
            #expect(open.version == 1)
            let quotation = Quotation(
                voucherDate: try Self.day("2025-04-01"),
                expirationDate: try Self.day("2025-05-01"),
                address: SalesVoucherAddress(name: "Kunde", countryCode: "DE"),
                lineItems: lines,
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net)
            )
            #expect(
                try await client.quotations.get(try await client.quotations.create(quotation).id).voucherNumber
                    == "AG0001"
            )
        }
    }

    @Test(
        "invalid sales vouchers are 406 with regular details naming the field",
        arguments: [
            (#""voucherDate":"2025-03-10T00:00:00+01:00""#, "voucherDate"),
            (#""voucherDate":"2025-03-10""#, "voucherDate"),
        ]
    )
    func invalidDates(replacement: String, field: String) async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let body = String(decoding: try Fixtures.lexoffice("invoice-create-minimal.json"), as: UTF8.self)
                .replacingOccurrences(of: #""voucherDate": "2025-03-03T00:00:00.000+01:00""#, with: replacement)
            let response = try await SandboxHarness.send(
                "POST",
                server.baseURL + "/invoices",
                apiKey: server.defaultAPIKey,
                body: body
            )
            #expect(response.status == 406)
            guard case .array(let details)? = response.json?["details"] else {
                Issue.record("expected regular details, got \(response.text)")
                return
            }
            #expect(details.contains { $0["field"]?.stringValue == field })
            #expect(response.json?["traceId"] != nil)
            #expect(response.json?["path"] == .string("/v1/invoices"))
        }
    }

    @Test("content rules: tax rates by date, vat-free rates, articles, contacts, shipping, lengths")
    func contentRules() async throws {
        try await SandboxHarness.withSandbox { _, client in
            func fields(_ invoice: Invoice) async throws -> Set<String> {
                let error = await #expect(throws: LexofficeError.self) { try await client.invoices.create(invoice) }
                #expect(error?.code == .validationFailed)
                guard case .regular(let body)? = error?.body else { return [] }
                return Set(body.details?.compactMap(\.field) ?? [])
            }
            #expect(
                try await fields(Self.invoice([Self.line("A", 1, net: 10, rate: 16)])) == [
                    "lineItems[0].unitPrice.taxRatePercentage"
                ]
            )
            #expect(
                try await fields(Self.invoice([Self.line("A", 1, net: 10, rate: 19)], taxType: .vatFree)) == [
                    "lineItems[0].unitPrice.taxRatePercentage"
                ]
            )
            var material = Self.line("A", 1, net: 10, rate: 19)
            material.type = .material
            #expect(try await fields(Self.invoice([material])) == ["lineItems[0].id"])
            #expect(
                try await fields(Self.invoice([Self.line("A", 1, net: 10, rate: 19)], contactID: .random())) == [
                    "address.contactId"
                ]
            )
            var noDate = try Self.invoice([Self.line("A", 1, net: 10, rate: 19)])
            noDate.shippingConditions = ShippingConditions(
                shippingType: .servicePeriod,
                shippingDate: try Self.day("2025-03-01")
            )
            #expect(try await fields(noDate) == ["shippingConditions.shippingEndDate"])
            var long = try Self.invoice([Self.line("A", 1, net: 10, rate: 19)])
            long.title = String(repeating: "x", count: 26)
            #expect(try await fields(long) == ["title"])
            let reduced = try Self.invoice([Self.line("A", 1, net: 10, rate: 16)])
            var in2020 = reduced
            in2020.shippingConditions = ShippingConditions(
                shippingType: .service,
                shippingDate: try Self.day("2020-08-01")
            )
            _ = try await client.invoices.create(in2020)  // 16 % was valid in the second half of 2020
            #expect(
                try await fields(Self.invoice([Self.line("A", 1, net: 10, rate: 19)], taxType: .intraCommunitySupply))
                    == ["address.contactId", "lineItems[0].unitPrice.taxRatePercentage", "taxConditions.taxType"],
                "an intra-community supply needs a contact, rate 0 and a recipient in another member state"
            )
        }
    }

    @Test("a finalized credit note for an invoice settles it: paidoff, invoice paid, related both ways")
    func creditNoteSettlesInvoice() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let contactID = try await Self.customer(client)
            let invoiceID = try await client.invoices.create(
                try Self.invoice([Self.line("Wartung", 1, net: 100, rate: 19)], contactID: contactID),
                finalize: true
            ).id
            #expect(try await client.payments(ofVoucher: invoiceID).openAmount == 119)
            let creditNote = CreditNote(
                voucherDate: try Self.day("2025-03-14"),
                address: SalesVoucherAddress(contactId: contactID),
                lineItems: [Self.line("Storno Wartung", 1, net: 100, rate: 19)],
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net)
            )
            let noteID = try await client.creditNotes.create(
                creditNote,
                finalize: true,
                precedingSalesVoucherID: invoiceID
            ).id
            let note = try await client.creditNotes.get(noteID)
            #expect(note.voucherStatus == .paidOff)
            #expect(note.voucherNumber == "GS0001")
            #expect(
                note.relatedVouchers == [RelatedVoucher(id: invoiceID, voucherType: .invoice, voucherNumber: "RE0001")]
            )
            let invoice = try await client.invoices.get(invoiceID)
            #expect(invoice.voucherStatus == .paid)
            #expect(invoice.relatedVouchers?.map(\.id) == [noteID])
            let payment = try await client.payments(ofVoucher: invoiceID)
            #expect(payment.paymentStatus == .balanced)
            #expect(payment.openAmount == 0)
            #expect(payment.paymentItems?.first?.paymentItemType == .partPaymentCreditNote)
            let second = await #expect(throws: LexofficeError.self) {
                try await client.creditNotes.create(creditNote, precedingSalesVoucherID: invoiceID)
            }
            #expect(second?.code == .validationFailed)
            let linkedPayment = await #expect(throws: LexofficeError.self) {
                try await client.payments(ofVoucher: noteID)
            }
            #expect(linkedPayment?.status == 406)
        }
    }

    @Test("pursuing follows the document chain: drafts, optional items and wrong pairs are refused")
    func pursueRules() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let draftInvoice = try await client.invoices.create(
                try Self.invoice([Self.line("A", 1, net: 10, rate: 19)])
            ).id
            let creditNote = CreditNote(
                voucherDate: try Self.day("2025-03-14"),
                address: SalesVoucherAddress(name: "Kunde", countryCode: "DE"),
                lineItems: [Self.line("A", 1, net: 10, rate: 19)],
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net)
            )
            let fromDraft = await #expect(throws: LexofficeError.self) {
                try await client.creditNotes.create(creditNote, precedingSalesVoucherID: draftInvoice)
            }
            #expect(fromDraft?.code == .validationFailed)
            var optional = Self.line("Extra", 1, net: 5, rate: 19)
            optional.optional = true
            let quotation = Quotation(
                voucherDate: try Self.day("2025-04-01"),
                expirationDate: try Self.day("2025-05-01"),
                address: SalesVoucherAddress(name: "Kunde", countryCode: "DE"),
                lineItems: [Self.line("Basis", 1, net: 100, rate: 19), optional],
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net)
            )
            let quotationID = try await client.quotations.create(quotation, finalize: true).id
            #expect(
                try await client.quotations.get(quotationID).totalPrice.totalGrossAmount == 119,
                "optional items are not counted"
            )
            let fromOptional = await #expect(throws: LexofficeError.self) {
                try await client.invoices.create(
                    try Self.invoice([Self.line("A", 1, net: 10, rate: 19)]),
                    precedingSalesVoucherID: quotationID
                )
            }
            #expect(fromOptional?.code == .validationFailed)
            let wrongPair = await #expect(throws: LexofficeError.self) {
                try await client.creditNotes.create(creditNote, precedingSalesVoucherID: quotationID)
            }
            #expect(wrongPair?.code == .validationFailed)
        }
    }

    @Test("dunnings need an invoice, copy its name and stay drafts; documents of drafts are refused")
    func dunningsAndDocuments() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let contactID = try await Self.customer(client)
            let invoiceID = try await client.invoices.create(
                try Self.invoice([Self.line("Wartung", 1, net: 100, rate: 19)], contactID: contactID),
                finalize: true
            ).id
            let dunning = Dunning(
                voucherDate: try Self.day("2025-04-10"),
                address: SalesVoucherAddress(contactId: contactID),
                lineItems: [Self.line("Mahngebühr", 1, net: 5, rate: 0)],
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net),
                shippingConditions: ShippingConditions(shippingType: .noShippingDate)
            )
            let dunningID = try await client.dunnings.create(dunning, precedingSalesVoucherID: invoiceID).id
            let stored = try await client.dunnings.get(dunningID)
            #expect(stored.voucherStatus == .draft)
            #expect(stored.address.name == "Radhaus Nord GmbH")
            #expect(stored.relatedVouchers?.first?.voucherNumber == "RE0001")
            let raw = try await SandboxHarness.send(
                "POST",
                server.baseURL + "/dunnings",
                apiKey: server.defaultAPIKey,
                body: String(decoding: try LexofficeJSON.encode(dunning), as: UTF8.self)
            )
            #expect(raw.status == 406, "precedingSalesVoucherId is mandatory")
            #expect(try await client.dunnings.document(dunningID).documentFileId.rawValue.count == 36)

            let draftID = try await client.invoices.create(try Self.invoice([Self.line("A", 1, net: 10, rate: 19)])).id
            let render = await #expect(throws: LexofficeError.self) { try await client.invoices.document(draftID) }
            #expect(render?.status == 406)
            let download = await #expect(throws: LexofficeError.self) { try await client.invoices.file(draftID) }
            #expect(download?.status == 409)
            let missing = await #expect(throws: LexofficeError.self) { try await client.creditNotes.get(draftID) }
            #expect(missing?.code == .notFound, "an invoice id is no credit note")
        }
    }
}

enum Fixtures {
    /// A documented lexoffice sample from `Tests/Fixtures/lexoffice/`.
    static func lexoffice(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lexoffice/" + name)
        return try Data(contentsOf: url)
    }
}

extension Decodable {
    /// A model decoded from a documented sample.
    static func fixture(_ name: String) throws -> Self {
        try JSONDecoder().decode(Self.self, from: Fixtures.lexoffice(name))
    }
}
