import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// The `/_sandbox` hooks for what only a person in the web app can do, observed through the public API.
@Suite(.timeLimit(.minutes(1)))
struct UserActionTests {
    private typealias Sales = SalesVoucherConformanceTests

    private static func admin(
        _ server: SandboxServer,
        _ path: String,
        body: String
    ) async throws -> (status: Int, headers: [String: String], json: JSONValue?, text: String) {
        try await SandboxHarness.send(
            "POST",
            server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/") + path,
            apiKey: server.defaultAPIKey,
            body: body
        )
    }

    @Test("a contact seeded with two billing addresses cannot be updated through the API")
    func seededContact() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let body =
                #"{"version":0,"roles":{"customer":{}},"company":{"name":"Zwei Adressen GmbH"},"#
                + #""addresses":{"billing":[{"countryCode":"DE","city":"Hamburg"},{"countryCode":"DE","city":"Kiel"}]}}"#
            let seeded = try await Self.admin(server, "contacts", body: body)
            #expect(seeded.status == 201)
            let id = try LexofficeID(try #require(seeded.json?["id"]?.stringValue))
            let contact = try await client.contacts.get(id)
            #expect(contact.addresses?.billing?.count == 2)
            #expect(contact.roles.customer?.number == 10_000)
            let error = await #expect(throws: LexofficeError.self) { try await client.contacts.update(contact, id: id) }
            #expect(error?.code == .validationFailed)
        }
    }

    @Test("a draft finalized by the user gets a due date and an open amount; payments settle it")
    func finalizeAndPay() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let id = try await client.invoices.create(try Sales.invoice([Sales.line("Wartung", 1, net: 100, rate: 19)]))
                .id
            #expect(try await Self.admin(server, "sales-vouchers/\(id)/finalize", body: "{}").status == 204)
            let invoice = try await client.invoices.get(id)
            #expect(invoice.voucherStatus == .open)
            #expect(invoice.dueDate?.description == "2025-03-24T00:00:00.000+01:00")
            #expect(try await Self.admin(server, "sales-vouchers/\(id)/finalize", body: "{}").status == 409)
            #expect(try await Self.admin(server, "payments/\(id)", body: #"{"amount": 19.00}"#).status == 204)
            #expect(try await client.payments(ofVoucher: id).openAmount == 100)
            #expect(try await client.invoices.get(id).voucherStatus == .open)
            _ = try await Self.admin(
                server,
                "payments/\(id)",
                body: #"{"amount": 100, "paymentItemType": "cashDiscount"}"#
            )
            let payment = try await client.payments(ofVoucher: id)
            #expect(payment.paymentStatus == .balanced)
            #expect(payment.voucherStatus == .paid)
            #expect(payment.paidDate != nil)
            #expect(payment.paymentItems?.map(\.paymentItemType) == [.partPaymentFinancialTransaction, .cashDiscount])
        }
    }

    @Test("a voided invoice is balanced; a quotation can be accepted")
    func statuses() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let id = try await client.invoices.create(
                try Sales.invoice([Sales.line("Wartung", 1, net: 100, rate: 19)]),
                finalize: true
            ).id
            #expect(
                try await Self.admin(server, "sales-vouchers/\(id)/status", body: #"{"voucherStatus":"voided"}"#).status
                    == 204
            )
            let payment = try await client.payments(ofVoucher: id)
            #expect(payment.voucherStatus == .voided)
            #expect(payment.openAmount == 0)
            let filter = VoucherListFilter(voucherTypes: .only([.invoice]), voucherStatuses: .only([.voided]))
            #expect(try await client.voucherList.page(filter, page: PageRequest()).content.map(\.id) == [id])
        }
    }

    @Test("down payment invoices and recurring templates created by the user are readable through the API")
    func readOnlyTypes() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let contactID = try await Sales.customer(client)
            let downPayment = DownPaymentInvoice(
                voucherDate: try Sales.day("2025-01-15"),
                address: SalesVoucherAddress(contactId: contactID),
                lineItems: [Sales.line("1. Abschlag Umbau", 1, net: Decimal(string: "1260.5")!, rate: 19)],
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net),
                shippingConditions: ShippingConditions(shippingType: .noShippingDate)
            )
            let created = try await Self.admin(
                server,
                "down-payment-invoices?finalize=true",
                body: String(decoding: try LexofficeJSON.encode(downPayment), as: UTF8.self)
            )
            #expect(created.status == 201)
            let downPaymentID = try LexofficeID(try #require(created.json?["id"]?.stringValue))
            let read = try await client.downPaymentInvoices.get(downPaymentID)
            #expect(read.voucherStatus == .open)
            #expect(read.voucherNumber == "RE0001")
            #expect(read.totalPrice.totalGrossAmount == Decimal(string: "1500"))
            #expect(try await client.downPaymentInvoices.file(downPaymentID).contentType == "application/pdf")

            let template =
                #"{"address":{"contactId":"\#(contactID)"},"lineItems":[{"type":"custom","name":"Wartungsvertrag","#
                + #""quantity":6,"unitName":"Monat","unitPrice":{"currency":"EUR","grossAmount":120,"taxRatePercentage":19}}],"#
                + #""totalPrice":{"currency":"EUR"},"taxConditions":{"taxType":"gross"},"title":"Rechnung","#
                + #""recurringTemplateSettings":{"startDate":"2025-02-01","finalize":true,"shippingType":"serviceperiod","#
                + #""executionInterval":"MONTHLY"}}"#
            let templateResponse = try await Self.admin(server, "recurring-templates", body: template)
            #expect(templateResponse.status == 201)
            let templateID = try LexofficeID(try #require(templateResponse.json?["id"]?.stringValue))
            let full = try await client.recurringTemplates.get(templateID)
            #expect(full.totalPrice.totalNetAmount == Decimal(string: "605.04"), "the documented recurring sample")
            #expect(full.totalPrice.totalTaxAmount == Decimal(string: "114.96"))
            #expect(full.recurringTemplateSettings?.executionStatus == .active)
            let summaries = try await client.recurringTemplates.page(
                sort: .ascending(.nextExecutionDate),
                page: PageRequest(size: 1)
            )
            #expect(summaries.content.first?.id == templateID)
            #expect(summaries.content.first?.recurringTemplateSettings?.nextExecutionDate?.description == "2025-02-01")
        }
    }
}
