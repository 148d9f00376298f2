import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// XRechnung needs the organization's own data, checked only when an e-invoice is finalized (invoices.md).
@Suite(.timeLimit(.minutes(1)))
struct XRechnungOrganizationTests {
    private typealias Sales = SalesVoucherConformanceTests

    private static func authority(_ client: LexofficeClient) async throws -> LexofficeID {
        try await client.contacts.create(
            Contact(
                version: 0,
                roles: ContactRoles(customer: CustomerRole()),
                company: Company(name: "Stadtverwaltung Musterstadt"),
                addresses: ContactAddresses(billing: [
                    ContactAddress(countryCode: "DE", street: "Rathausplatz 1", zip: "12345", city: "Musterstadt")
                ]),
                xRechnung: ContactXRechnung(buyerReference: "04011000-1234512345-06", vendorNumberAtCustomer: "K-4711")
            )
        ).id
    }

    @Test("without phone and bank account, finalizing an e-invoice is refused; drafts are not checked")
    func incompleteOrganization() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let incomplete =
                #"{"company":{"street":"Hafenweg 3","zip":"28195","city":"Bremen","countryCode":"DE","#
                + #""email":"rechnung@kuehn.example","vatRegistrationId":"DE123456789"}}"#
            #expect(try await SandboxHarness.admin(server, "profile", body: incomplete).status == 200)
            let contactID = try await Self.authority(client)
            let invoice = try Sales.invoice([Sales.line("Wartung", 1, net: 85, rate: 19)], contactID: contactID)
            let refused = await #expect(throws: LexofficeError.self) {
                try await client.invoices.create(invoice, finalize: true)
            }
            #expect(refused?.status == 406)
            #expect(refused?.field == "organization.phone")

            let draft = try await client.invoices.create(invoice).id
            #expect(try await client.invoices.get(draft).electronicDocumentProfile == .regular)
            let userFinalize = try await SandboxHarness.admin(server, "sales-vouchers/\(draft)/finalize")
            #expect(userFinalize.status == 406)
            #expect(try await client.invoices.get(draft).voucherStatus == .draft)

            let complete =
                #"{"company":{"street":"Hafenweg 3","zip":"28195","city":"Bremen","countryCode":"DE","#
                + #""phone":"+49 421 555123","email":"rechnung@kuehn.example","taxNumber":"12/345/67890","#
                + #""iban":"DE02100100100006820101"}}"#
            #expect(try await SandboxHarness.admin(server, "profile", body: complete).status == 200)
            #expect(try await SandboxHarness.admin(server, "sales-vouchers/\(draft)/finalize").status == 204)
            #expect(try await client.invoices.get(draft).electronicDocumentProfile == .xRechnung)
            let xml = String(decoding: try await client.invoices.file(draft).data, as: UTF8.self)
            #expect(xml.contains("+49 421 555123"))
            #expect(xml.contains("Hafenweg 3"))
            #expect(xml.contains("DE02100100100006820101"))
            #expect(xml.contains("12/345/67890"))
        }
    }

    @Test("a fresh organization has complete data, so e-invoices work out of the box")
    func freshOrganization() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let contactID = try await Self.authority(client)
            let invoice = try Sales.invoice([Sales.line("Wartung", 1, net: 85, rate: 19)], contactID: contactID)
            let id = try await client.invoices.create(invoice, finalize: true).id
            #expect(try await client.invoices.get(id).electronicDocumentProfile == .xRechnung)
        }
    }
}
