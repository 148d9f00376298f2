import Foundation
import KontorTestSupport
import LexofficeKit
import Testing

/// The code of the DocC overview and the README, run against a scripted server so the examples stay true.
@Suite(.timeLimit(.minutes(1)))
struct OverviewExampleTests {
    @Test("create a customer, then a finalized invoice for it, then read its number")
    func customerAndInvoice() async throws {
        let handler: @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply = { request in
            switch (request.method, request.path) {
            case ("POST", "/v1/contacts"): .created(id: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")
            case ("POST", "/v1/invoices"): .created(id: "c3a1f7e2-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
            default: .fixture("invoice-get.json")
            }
        }
        try await ScriptedHTTPServer.withServer(.replying(handler)) { server in
            let lexoffice = TestClients.client(for: server)
            let contact = try await lexoffice.contacts.create(
                Contact(
                    version: 0,
                    roles: ContactRoles(customer: CustomerRole()),
                    company: Company(name: "Radhaus Nord GmbH")
                )
            )
            let invoice = Invoice(
                voucherDate: LexofficeDateTime(localMidnightOf: try PlainDate("2025-03-10")),
                address: SalesVoucherAddress(contactId: contact.id),
                lineItems: [
                    LineItem(
                        type: .custom,
                        name: "Wartung",
                        quantity: 2,
                        unitName: "Stunde",
                        unitPrice: UnitPrice(currency: .euro, taxRatePercentage: 19, netAmount: 85)
                    )
                ],
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net),
                shippingConditions: ShippingConditions(
                    shippingType: .service,
                    shippingDate: LexofficeDateTime(localMidnightOf: try PlainDate("2025-03-07"))
                )
            )
            let created = try await lexoffice.invoices.create(invoice, finalize: true)
            let number = try await lexoffice.invoices.get(created.id).voucherNumber
            #expect(number == "RE0042")

            let contactBody = try JSONDecoder().decode(JSONValue.self, from: Data(server.requests[0].body))
            #expect(
                contactBody
                    == .object([
                        "version": .number(0), "roles": .object(["customer": .object([:])]),
                        "company": .object(["name": .string("Radhaus Nord GmbH")]),
                    ])
            )
            let invoiceBody = try JSONDecoder().decode(JSONValue.self, from: Data(server.requests[1].body))
            #expect(invoiceBody["voucherDate"] == .string("2025-03-10T00:00:00.000+01:00"))
            #expect(invoiceBody["address"] == .object(["contactId": .string("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")]))
            #expect(
                invoiceBody["lineItems"]
                    == .array([
                        .object([
                            "type": .string("custom"), "name": .string("Wartung"), "quantity": .number(2),
                            "unitName": .string("Stunde"),
                            "unitPrice": .object([
                                "currency": .string("EUR"), "taxRatePercentage": .number(19), "netAmount": .number(85),
                            ]),
                        ])
                    ])
            )
            #expect(server.requests[1].uri == "/v1/invoices?finalize=true")
        }
    }
}
