import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `kontor lexoffice invoices|credit-notes|… create` and `recurring-templates` against an in-process sandbox.
@Suite(.timeLimit(.minutes(1)))
struct SalesVoucherCreateTests {
    private static let invoiceJSON = TestSandbox.fixture("invoice-create-minimal.json")

    /// A dunning for an invoice to `contactID` (net, like the invoice).
    private static func dunningJSON(contactID: LexofficeID) -> String {
        """
        {"voucherDate": "2025-04-10T00:00:00.000+02:00", "address": {"contactId": "\(contactID)"},
         "lineItems": [{"type": "custom", "name": "Mahngebühr", "quantity": 1, "unitName": "Pauschal",
                        "unitPrice": {"currency": "EUR", "netAmount": 5.0, "taxRatePercentage": 0}}],
         "totalPrice": {"currency": "EUR"}, "taxConditions": {"taxType": "net"},
         "shippingConditions": {"shippingType": "none"}}
        """
    }

    @Test("create an invoice for a contact, finalized, then a dunning and a credit note that follow it")
    func invoiceChain() async throws {
        try await TestSandbox.run { sandbox in
            let contact = try await sandbox.client.contacts.create(
                Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), company: Company(name: "Folge KG"))
            )
            let created = await CLIRun.kontor(
                [
                    "lexoffice", "invoices", "create", "--data", "@" + Self.invoiceJSON, "--contact-id",
                    contact.id.rawValue, "--voucher-date", "2025-03-04", "--title", "Rechnung", "--finalize", "--json",
                ]
                    + sandbox.flags
            )
            #expect(created.status == 0, "\(created.errors)")
            let invoiceID = try LexofficeID(try #require(try created.json()["id"]?.stringValue))
            let invoice = try await sandbox.client.invoices.get(invoiceID)
            #expect(invoice.voucherStatus == .open)
            #expect(invoice.address.contactId == contact.id)
            #expect(invoice.voucherDate.description == "2025-03-04T00:00:00.000+01:00")

            let dunning = await CLIRun.kontor(
                ["lexoffice", "dunnings", "create", "--data", "-", "--preceding", invoiceID.rawValue] + sandbox.flags,
                input: Data(Self.dunningJSON(contactID: contact.id).utf8)
            )
            #expect(dunning.status == 0, "\(dunning.errors)")

            let creditNote = await CLIRun.kontor(
                [
                    "lexoffice", "credit-notes", "create", "--data", "@" + Self.invoiceJSON, "--contact-id",
                    contact.id.rawValue, "--preceding", invoiceID.rawValue, "--finalize", "--json",
                ] + sandbox.flags
            )
            #expect(creditNote.status == 0, "\(creditNote.errors)")
            let creditNoteID = try LexofficeID(try #require(try creditNote.json()["id"]?.stringValue))
            #expect(try await sandbox.client.creditNotes.get(creditNoteID).voucherStatus == .paidOff)
        }
    }

    @Test("the rules of each type are checked before sending (exit 2)")
    func rules() async throws {
        try await TestSandbox.run { sandbox in
            let id = UUID().uuidString.lowercased()
            let quotation = await CLIRun.kontor(
                ["lexoffice", "quotations", "create", "--data", "@" + Self.invoiceJSON, "--preceding", id]
                    + sandbox.flags
            )
            #expect(quotation.status == 2)
            #expect(quotation.errors.contains("cannot follow"))
            let finalDunning = await CLIRun.kontor(
                ["lexoffice", "dunnings", "create", "--data", "{}", "--preceding", id, "--finalize"] + sandbox.flags
            )
            #expect(finalDunning.status == 2)
            let orphanDunning = await CLIRun.kontor(
                ["lexoffice", "dunnings", "create", "--data", "@" + Self.invoiceJSON] + sandbox.flags
            )
            #expect(orphanDunning.status == 2)
            #expect(orphanDunning.errors.contains("--preceding"))
            let incomplete = await CLIRun.kontor(["lexoffice", "invoices", "create", "--data", "{}"] + sandbox.flags)
            #expect(incomplete.status == 2)
            #expect(incomplete.errors.contains("lacks"))
            #expect(
                await CLIRun.kontor(["lexoffice", "down-payment-invoices", "create", "--api-key", "k"]).status == 2
            )
        }
    }

    @Test("recurring templates are listed and read")
    func recurringTemplates() async throws {
        try await TestSandbox.run { sandbox in
            let sample = try String(contentsOfFile: TestSandbox.fixture("recurring-template-get.json"), encoding: .utf8)
            let seeded = try await sandbox.admin("recurring-templates", body: sample)
            #expect(seeded.status == 201)
            let listed = try await CLIRun.kontor(
                ["lexoffice", "recurring-templates", "list", "--sort", "nextExecutionDate,asc", "--json"]
                    + sandbox.flags
            ).json()
            let id = try #require(listed[0]?["id"]?.stringValue)
            let template = try await CLIRun.kontor(
                ["lexoffice", "recurring-templates", "get", id, "--json"] + sandbox.flags
            )
            .json()
            #expect(template["id"]?.stringValue == id)
            #expect(template["lineItems"]?.elements.isEmpty == false)
            let badSort = await CLIRun.kontor(
                ["lexoffice", "recurring-templates", "list", "--sort", "title"] + sandbox.flags
            )
            #expect(badSort.status == 2)
            #expect(badSort.errors.contains("nextExecutionDate"))
        }
    }
}
