import Foundation
import KontorCore
import LexofficeKit
import LexofficeSandbox
import Testing

@Suite("Source invoice mapping against the lexoffice sandbox", .timeLimit(.minutes(1)))
struct SourceInvoiceMappingSandboxTests {
    /// What the sandbox computed for an invoice the test created and read back.
    struct Created {
        let contact: Contact?
        let invoice: Invoice
    }

    @Test("a net company invoice with two tax rates, line and total discount is accepted as an XRechnung")
    func netCompanyInvoice() async throws {
        let created = try await Self.transfer(Self.netCompanyInvoice, withContact: true)
        let invoice = created.invoice

        #expect(created.contact?.roles.customer?.number != nil)
        #expect(created.contact?.company?.vatRegistrationId == "DE123456789")
        #expect(created.contact?.xRechnung?.vendorNumberAtCustomer == "L-4711")
        #expect(invoice.xRechnung?.buyerReference == "04011000-12345-67")
        #expect(invoice.electronicDocumentProfile == .xRechnung)
        #expect(invoice.address.name == "Radhaus Nord GmbH")
        #expect(invoice.paymentConditions?.paymentTermDuration == 14)
        #expect(invoice.dueDate?.description == "2026-03-24T00:00:00.000+01:00")
        #expect(invoice.lineItems.map(\.lineItemAmount) == [Decimal(string: "191.25"), Decimal(string: "39.9")])
        // Lines: 2.5 × 85.00 × (1 − 10 %) = 191.25 @ 19 %; 1 × 39.90 = 39.90 @ 7 %; sum 231.15.
        // Total discount 2.5 %: round2(231.15 × 0.025 = 5.77875) = 5.78, split by share (the sandbox's rule for
        // the unconfirmed split): 19 % round2(5.78 × 191.25 / 231.15 = 4.7824…) = 4.78 → 186.47;
        // 7 % round2(5.78 × 39.90 / 231.15 = 0.9977…) = 1.00 → 38.90.
        // Tax: round2(186.47 × 0.19 = 35.4293) = 35.43; round2(38.90 × 0.07 = 2.723) = 2.72.
        // Net 186.47 + 38.90 = 225.37; tax 35.43 + 2.72 = 38.15; gross 263.52.
        #expect(invoice.totalPrice.totalNetAmount == Decimal(string: "225.37"))
        #expect(invoice.totalPrice.totalTaxAmount == Decimal(string: "38.15"))
        #expect(invoice.totalPrice.totalGrossAmount == Decimal(string: "263.52"))
    }

    @Test("a gross invoice to a person is accepted with gross line amounts")
    func grossPersonInvoice() async throws {
        let created = try await Self.transfer(Self.grossPersonInvoice, withContact: true)
        let invoice = created.invoice

        #expect(created.contact?.person?.lastName == "Keller")
        #expect(invoice.address.name == "Jana Keller")
        #expect(invoice.voucherDate.description == "2026-04-01T00:00:00.000+02:00")
        #expect(invoice.dueDate?.description == "2026-04-15T00:00:00.000+02:00")
        #expect(invoice.lineItems.map(\.unitPrice?.grossAmount) == [89, Decimal(string: "64.2")])
        #expect(invoice.lineItems.map(\.lineItemAmount) == [89, Decimal(string: "32.1")])
        // Gross lines: 89.00 @ 19 %; 0.5 × 64.20 = 32.10 @ 7 %.
        // 19 %: net round2(89 / 1.19 = 74.789…) = 74.79, tax 89.00 − 74.79 = 14.21.
        // 7 %: net round2(32.10 / 1.07 = 30.00) = 30.00, tax 2.10.
        // Net 104.79; tax 16.31; gross 121.10.
        #expect(invoice.totalPrice.totalNetAmount == Decimal(string: "104.79"))
        #expect(invoice.totalPrice.totalTaxAmount == Decimal(string: "16.31"))
        #expect(invoice.totalPrice.totalGrossAmount == Decimal(string: "121.1"))
    }

    @Test("a vat-free invoice is accepted without tax")
    func vatFreeInvoice() async throws {
        let created = try await Self.transfer(Self.vatFreeInvoice, withContact: true)
        let invoice = created.invoice

        #expect(invoice.taxConditions.taxType == .vatFree)
        #expect(invoice.paymentConditions?.paymentTermDuration == 0)
        #expect(invoice.lineItems.map(\.lineItemAmount) == [135, Decimal(string: "29.99")])
        // 3 × 45.00 = 135.00; 1.5 × 19.99 = 29.985 → round2 half-up 29.99; all @ 0 %.
        // Net 164.99; tax 0; gross 164.99.
        #expect(invoice.totalPrice.totalNetAmount == Decimal(string: "164.99"))
        #expect(invoice.totalPrice.totalTaxAmount == 0)
        #expect(invoice.totalPrice.totalGrossAmount == Decimal(string: "164.99"))
    }

    @Test("an invoice with the customer's address inline, without a contact, is accepted")
    func inlineAddressInvoice() async throws {
        let created = try await Self.transfer(Self.inlineAddressInvoice, withContact: false)
        let invoice = created.invoice

        #expect(invoice.address.contactId == nil)
        #expect(invoice.electronicDocumentProfile == .regular)
        #expect(invoice.address.name == "Muster Werkstatt GmbH")
        #expect(invoice.address.supplement == "Halle 3")
        #expect(invoice.address.zip == "28195")
        #expect(invoice.lineItems.map(\.lineItemAmount) == [Decimal(string: "59.97"), Decimal(string: "4.49"), 31])
        // The worked example of totals-and-rounding.md: 3 × 19.99 = 59.97 and round2(4.99 × 0.9 = 4.491) = 4.49
        // @ 19 % → 64.46, tax round2(12.2474) = 12.25; 2.5 × 12.40 = 31.00 @ 7 %, tax 2.17.
        // Net 95.46; tax 14.42; gross 109.88.
        #expect(invoice.totalPrice.totalNetAmount == Decimal(string: "95.46"))
        #expect(invoice.totalPrice.totalTaxAmount == Decimal(string: "14.42"))
        #expect(invoice.totalPrice.totalGrossAmount == Decimal(string: "109.88"))
    }

    /// Creates the contact (when asked) and the finalized invoice in a fresh sandbox, reads both back and checks
    /// what every transfer must have: status open, a number, the source's line items.
    static func transfer(_ source: SourceInvoice, withContact: Bool) async throws -> Created {
        #expect(source.validationIssues(sourceID: source.number) == [])
        let configuration = SandboxConfiguration(rateLimit: nil, defaultAPIKey: "mapping-tests-key")
        return try await SandboxServer.withRunningServer(configuration) { server in
            let client = LexofficeClient(
                configuration: LexofficeClientConfiguration(baseURL: server.baseURL, requestsPerSecond: 0),
                credentials: StaticAPIKey(server.defaultAPIKey),
                pacerRegistry: RequestPacerRegistry()
            )
            var contact: Contact?
            if withContact {
                let result = try await client.contacts.create(source.customer.lexofficeContact())
                contact = try await client.contacts.get(result.id)
            }
            let body = try source.lexofficeInvoice(contactID: contact?.id)
            let result = try await client.invoices.create(body, finalize: true)
            let invoice = try await client.invoices.get(result.id)

            #expect(invoice.voucherStatus == .open)
            #expect(invoice.voucherNumber?.isEmpty == false)
            #expect(invoice.voucherDate == body.voucherDate)
            #expect(invoice.taxConditions.taxType == body.taxConditions.taxType)
            #expect(invoice.lineItems.map(\.type) == body.lineItems.map(\.type))
            #expect(invoice.lineItems.map(\.name) == source.lineItems.map(\.name))
            #expect(invoice.lineItems.map(\.quantity) == source.lineItems.map(\.quantity))
            #expect(invoice.lineItems.map(\.unitPrice?.taxRatePercentage) == source.lineItems.map(\.taxRatePercent))
            #expect(invoice.lineItems.map(\.discountPercentage) == body.lineItems.map(\.discountPercentage))
            return Created(contact: contact, invoice: invoice)
        }
    }
}

extension SourceInvoiceMappingSandboxTests {
    /// The company sample of the core tests: net, 19 % and 7 %, a line discount and a total discount, XRechnung.
    static let netCompanyInvoice = SourceInvoice(
        number: "R-2026-0042",
        date: "2026-03-10",
        paymentTermDays: 14,
        taxType: "net",
        status: "finalized",
        title: "Rechnung",
        introduction: "Wir berechnen Ihnen folgende Leistungen:",
        remark: "Vielen Dank für Ihren Auftrag!",
        customer: SourceCustomer(
            sourceId: "K-1007",
            company: SourceCompany(
                name: "Radhaus Nord GmbH",
                vatRegistrationId: "DE123456789",
                taxNumber: "22/815/08154"
            ),
            address: SourceAddress(
                supplement: "Tor 2",
                street: "Lindenallee 7",
                zip: "22041",
                city: "Hamburg",
                countryCode: "DE"
            ),
            email: "rechnung@radhaus-nord.example",
            phone: "040 1234560",
            buyerReference: "04011000-12345-67",
            vendorNumberAtCustomer: "L-4711"
        ),
        lineItems: [
            SourceLineItem(
                name: "Wartung Hydraulik",
                description: "Vor Ort in Bremen, inklusive Anfahrt.",
                quantity: Decimal(string: "2.5") ?? 0,
                unitName: "Stunde",
                unitPrice: SourceUnitPrice(net: 85),
                taxRatePercent: 19,
                discountPercent: 10
            ),
            SourceLineItem(
                name: "Fachbuch Hydraulik",
                quantity: 1,
                unitName: "Stück",
                unitPrice: SourceUnitPrice(net: Decimal(string: "39.9")),
                taxRatePercent: 7
            ),
        ],
        totalDiscountPercent: Decimal(string: "2.5")
    )

    /// The person sample of the core tests: gross, 19 % and 7 %, a due date 14 days after the invoice date.
    static let grossPersonInvoice = SourceInvoice(
        number: "2026-118",
        date: "2026-04-01",
        dueDate: "2026-04-15",
        taxType: "gross",
        status: "finalized",
        customer: SourceCustomer(
            sourceId: "privat-88",
            person: SourcePerson(salutation: "Frau", firstName: "Jana", lastName: "Keller"),
            address: SourceAddress(street: "Hafenstraße 1", zip: "22043", city: "Hamburg", countryCode: "DE")
        ),
        lineItems: [
            SourceLineItem(
                name: "Fahrradinspektion",
                quantity: 1,
                unitName: "Pauschal",
                unitPrice: SourceUnitPrice(gross: 89),
                taxRatePercent: 19
            ),
            SourceLineItem(
                name: "Montage",
                quantity: Decimal(string: "0.5") ?? 0,
                unitName: "Stunde",
                unitPrice: SourceUnitPrice(gross: Decimal(string: "64.2")),
                taxRatePercent: 7
            ),
        ]
    )

    /// A vat-free invoice to a company, payable at once, with a line amount of a fraction of a cent.
    static let vatFreeInvoice = SourceInvoice(
        number: "KU-2026-007",
        date: "2026-10-30",
        paymentTermDays: 0,
        taxType: "vatfree",
        status: "finalized",
        remark: "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
        customer: SourceCustomer(
            sourceId: "K-2001",
            company: SourceCompany(name: "Buchhandlung Seeblick e.K."),
            address: SourceAddress(street: "Uferweg 12", zip: "78462", city: "Konstanz", countryCode: "DE"),
            email: "einkauf@seeblick.example"
        ),
        lineItems: [
            SourceLineItem(
                name: "Lesung mit Signierstunde",
                quantity: 3,
                unitName: "Stunde",
                unitPrice: SourceUnitPrice(net: 45),
                taxRatePercent: 0
            ),
            SourceLineItem(
                name: "Fahrtkosten",
                description: "Pauschale je Kilometer",
                quantity: Decimal(string: "1.5") ?? 0,
                unitName: "km",
                unitPrice: SourceUnitPrice(net: Decimal(string: "19.99")),
                taxRatePercent: 0
            ),
        ]
    )

    /// A net invoice whose customer stays an inline address: the worked example of `totals-and-rounding.md`.
    static let inlineAddressInvoice = SourceInvoice(
        number: "W-5120",
        date: "2026-07-15",
        taxType: "net",
        status: "finalized",
        customer: SourceCustomer(
            sourceId: "laufkunde-17",
            company: SourceCompany(name: "Muster Werkstatt GmbH"),
            address: SourceAddress(
                supplement: "Halle 3",
                street: "Hafenweg 3",
                zip: "28195",
                city: "Bremen",
                countryCode: "DE"
            )
        ),
        lineItems: [
            SourceLineItem(
                name: "Filter",
                quantity: 3,
                unitName: "Stück",
                unitPrice: SourceUnitPrice(net: Decimal(string: "19.99")),
                taxRatePercent: 19
            ),
            SourceLineItem(
                name: "Dichtungssatz",
                quantity: 1,
                unitName: "Stück",
                unitPrice: SourceUnitPrice(net: Decimal(string: "4.99")),
                taxRatePercent: 19,
                discountPercent: 10
            ),
            SourceLineItem(
                name: "Fachzeitschrift",
                quantity: Decimal(string: "2.5") ?? 0,
                unitName: "Stück",
                unitPrice: SourceUnitPrice(net: Decimal(string: "12.4")),
                taxRatePercent: 7
            ),
        ]
    )
}
