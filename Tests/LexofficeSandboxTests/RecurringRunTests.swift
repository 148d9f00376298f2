import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `POST /_sandbox/recurring-templates/{id}/run`: what lexoffice's nightly job does with a due template.
@Suite(.timeLimit(.minutes(1)))
struct RecurringRunTests {
    private typealias Sales = SalesVoucherConformanceTests

    @Test("each run invoices the next date with recurringTemplateId; the series ends after endDate")
    func runs() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let contactID = try await Sales.customer(client)
            let template =
                #"{"address":{"contactId":"\#(contactID)"},"lineItems":[{"type":"custom","name":"Wartungsvertrag","#
                + #""quantity":1,"unitName":"Monat","unitPrice":{"currency":"EUR","netAmount":100,"taxRatePercentage":19}}],"#
                + #""totalPrice":{"currency":"EUR"},"taxConditions":{"taxType":"net"},"title":"Rechnung","#
                + #""recurringTemplateSettings":{"startDate":"2025-01-31","endDate":"2025-03-15","finalize":true,"#
                + #""shippingType":"serviceperiod","executionInterval":"MONTHLY"}}"#
            let created = try await SandboxHarness.admin(server, "recurring-templates", body: template)
            let templateID = try LexofficeID(try #require(created.json?["id"]?.stringValue))

            let first = try await SandboxHarness.admin(server, "recurring-templates/\(templateID)/run")
            #expect(first.status == 201)
            let invoice = try await client.invoices.get(try LexofficeID(try #require(first.json?["id"]?.stringValue)))
            #expect(invoice.recurringTemplateId == templateID)
            #expect(invoice.voucherStatus == .open)
            #expect(invoice.voucherDate.description == "2025-01-31T00:00:00.000+01:00")
            #expect(invoice.shippingConditions.shippingEndDate?.localDay.description == "2025-02-27")
            #expect(invoice.totalPrice.totalGrossAmount == 119)
            let afterFirst = try await client.recurringTemplates.get(templateID).recurringTemplateSettings
            #expect(afterFirst?.nextExecutionDate?.description == "2025-02-28")

            #expect(try await SandboxHarness.admin(server, "recurring-templates/\(templateID)/run").status == 201)
            let ended = try await client.recurringTemplates.get(templateID).recurringTemplateSettings
            #expect(ended?.executionStatus == .ended)
            #expect(ended?.nextExecutionDate == nil)
            #expect(try await SandboxHarness.admin(server, "recurring-templates/\(templateID)/run").status == 409)
        }
    }

    @Test("recurringTemplateId sent to POST /v1/invoices is ignored as read-only")
    func readOnlyTemplateID() async throws {
        try await SandboxHarness.withSandbox { _, client in
            var invoice = try Sales.invoice([Sales.line("A", 1, net: 1, rate: 19)])
            invoice.recurringTemplateId = .random()
            let id = try await client.invoices.create(invoice).id
            #expect(try await client.invoices.get(id).recurringTemplateId == nil)
        }
    }
}
