import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// EU rules of sales vouchers: destination rates for distance sales and electronic services (`taxSubType`),
/// intra-community supplies only to other member states.
@Suite(.timeLimit(.minutes(1)))
struct EUTaxRuleTests {
    private typealias Sales = SalesVoucherConformanceTests

    private static func contact(in client: LexofficeClient, country: String) async throws -> LexofficeID {
        try await client.contacts.create(
            Contact(
                version: 0,
                roles: ContactRoles(customer: CustomerRole()),
                person: Person(lastName: "Gruber"),
                addresses: ContactAddresses(billing: [ContactAddress(countryCode: country, city: "Wien")])
            )
        ).id
    }

    private static func invoice(
        contactID: LexofficeID,
        rate: Decimal,
        taxType: TaxType = .net,
        subType: TaxSubType? = nil
    ) throws -> Invoice {
        var invoice = try Sales.invoice([Sales.line("Fahrradhelm", 1, net: 50, rate: rate)], contactID: contactID)
        invoice.taxConditions = TaxConditions(taxType: taxType, taxSubType: subType)
        return invoice
    }

    /// The field of the 406 a create answers, or `nil` when it succeeds.
    private static func refusedField(_ client: LexofficeClient, _ invoice: Invoice) async -> String?? {
        do {
            _ = try await client.invoices.create(invoice, finalize: true)
            return .none
        } catch let error as LexofficeError {
            #expect(error.status == 406)
            return .some(error.field)
        } catch {
            Issue.record("unexpected error \(error)")
            return .none
        }
    }

    @Test("destination rates need taxSubType and the DESTINATION principle; otherwise German rates apply")
    func destinationRates() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let austria = try await Self.contact(in: client, country: "AT")
            let german20 = try Self.invoice(contactID: austria, rate: 20)
            let standard = await Self.refusedField(client, german20)
            #expect(standard == .some("lineItems[0].unitPrice.taxRatePercentage"), "20 % is no German rate")
            let origin = try Self.invoice(contactID: austria, rate: 20, subType: .distanceSales)
            #expect(await Self.refusedField(client, origin) != .none, "ORIGIN (the default) taxes at 19 %")
            let origin19 = try Self.invoice(contactID: austria, rate: 19, subType: .distanceSales)
            #expect(await Self.refusedField(client, origin19) == .none)

            let changed = try await SandboxHarness.admin(
                server,
                "profile",
                body: #"{"distanceSalesPrinciple":"DESTINATION"}"#
            )
            #expect(changed.status == 200)
            #expect(try await client.profile().distanceSalesPrinciple == .destination)
            for subType in [TaxSubType.distanceSales, .electronicServices] {
                let austrian = try Self.invoice(contactID: austria, rate: 20, subType: subType)
                #expect(await Self.refusedField(client, austrian) == .none)
                let reduced = try Self.invoice(contactID: austria, rate: 10, subType: subType)
                #expect(await Self.refusedField(client, reduced) == .none)
            }
            let german = try Self.invoice(contactID: austria, rate: 19, subType: .distanceSales)
            #expect(await Self.refusedField(client, german) == .some("lineItems[0].unitPrice.taxRatePercentage"))

            var france = try Self.invoice(contactID: austria, rate: Decimal(string: "5.5")!, subType: .distanceSales)
            france.address = SalesVoucherAddress(name: "Claire Martin", city: "Lyon", countryCode: "FR")
            #expect(await Self.refusedField(client, france) == .none, "a one-time address abroad works too")
        }
    }

    @Test("taxSubType only with net or gross, for a recipient in another member state")
    func subTypeRules() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let germany = try await Self.contact(in: client, country: "DE")
            let swiss = try await Self.contact(in: client, country: "CH")
            let austria = try await Self.contact(in: client, country: "AT")
            for contactID in [germany, swiss] {
                let invoice = try Self.invoice(contactID: contactID, rate: 19, subType: .distanceSales)
                #expect(await Self.refusedField(client, invoice) == .some("taxConditions.taxSubType"))
            }
            let vatFree = try Self.invoice(contactID: austria, rate: 0, taxType: .vatFree, subType: .electronicServices)
            #expect(await Self.refusedField(client, vatFree) == .some("taxConditions.taxSubType"))
        }
    }

    @Test("an intra-community supply goes only to another member state")
    func intraCommunitySupply() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let germany = try await Self.contact(in: client, country: "DE")
            let austria = try await Self.contact(in: client, country: "AT")
            let domestic = try Self.invoice(contactID: germany, rate: 0, taxType: .intraCommunitySupply)
            #expect(await Self.refusedField(client, domestic) == .some("taxConditions.taxType"))
            let abroad = try Self.invoice(contactID: austria, rate: 0, taxType: .intraCommunitySupply)
            #expect(await Self.refusedField(client, abroad) == .none)
        }
    }
}
