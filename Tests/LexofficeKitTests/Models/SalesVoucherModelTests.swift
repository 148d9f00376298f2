import Foundation
import LexofficeKit
import Testing

struct SalesVoucherModelTests {
    // MARK: - Round trips: every property of every fixture survives decoding and encoding

    @Test(
        "invoice fixtures round-trip without losing a field",
        arguments: [
            "invoice-create-minimal.json", "invoice-create.json", "invoice-get.json", "invoice-closing-get.json",
            "invoice-xrechnung-get.json", "invoice-recurring-get.json", "invoice-distance-sales-get.json",
            "invoice-intra-community-get.json",
        ]
    )
    func invoiceRoundTrip(fixture: String) throws {
        #expect(try Fixtures.roundTripDifferences(Invoice.self, fixture) == [])
    }

    @Test(
        "down payment invoice fixtures round-trip without losing a field",
        arguments: ["down-payment-invoice-get.json", "down-payment-invoice-settled-get.json"]
    )
    func downPaymentInvoiceRoundTrip(fixture: String) throws {
        #expect(try Fixtures.roundTripDifferences(DownPaymentInvoice.self, fixture) == [])
    }

    @Test(
        "credit note fixtures round-trip without losing a field",
        arguments: ["credit-note-create.json", "credit-note-get.json"]
    )
    func creditNoteRoundTrip(fixture: String) throws {
        #expect(try Fixtures.roundTripDifferences(CreditNote.self, fixture) == [])
    }

    @Test(
        "quotation fixtures round-trip without losing a field",
        arguments: ["quotation-create.json", "quotation-get.json"]
    )
    func quotationRoundTrip(fixture: String) throws {
        #expect(try Fixtures.roundTripDifferences(Quotation.self, fixture) == [])
    }

    @Test(
        "order confirmation fixtures round-trip without losing a field",
        arguments: ["order-confirmation-create.json", "order-confirmation-get.json"]
    )
    func orderConfirmationRoundTrip(fixture: String) throws {
        #expect(try Fixtures.roundTripDifferences(OrderConfirmation.self, fixture) == [])
    }

    @Test(
        "delivery note fixtures round-trip without losing a field",
        arguments: ["delivery-note-create.json", "delivery-note-get.json"]
    )
    func deliveryNoteRoundTrip(fixture: String) throws {
        #expect(try Fixtures.roundTripDifferences(DeliveryNote.self, fixture) == [])
    }

    @Test("dunning fixtures round-trip without losing a field", arguments: ["dunning-create.json", "dunning-get.json"])
    func dunningRoundTrip(fixture: String) throws {
        #expect(try Fixtures.roundTripDifferences(Dunning.self, fixture) == [])
    }

    @Test("recurring template fixtures round-trip without losing a field")
    func recurringTemplateRoundTrip() throws {
        #expect(try Fixtures.roundTripDifferences(RecurringTemplate.self, "recurring-template-get.json") == [])
        #expect(
            try Fixtures.roundTripDifferences(RecurringTemplateSummary.self, "recurring-template-list-item.json") == []
        )
        #expect(
            try Fixtures.roundTripDifferences(Page<RecurringTemplateSummary>.self, "recurring-templates-page.json")
                == []
        )
    }

    @Test("the create response and the document reference round-trip without losing a field")
    func referencesRoundTrip() throws {
        #expect(try Fixtures.roundTripDifferences(ActionResult.self, "invoice-create-response.json") == [])
        #expect(try Fixtures.roundTripDifferences(DocumentFileReference.self, "invoice-document.json") == [])
    }

    // MARK: - Invoices

    @Test("an invoice reads its totals, status, dates and article line exactly")
    func invoiceValues() throws {
        let invoice = try decode(Invoice.self, "invoice-get.json")
        #expect(invoice.voucherStatus == .open)
        #expect(invoice.voucherStatus?.isDocumented == true)
        #expect(invoice.voucherNumber == "RE0042")
        #expect(invoice.voucherDate.description == "2025-03-10T00:00:00.000+01:00")
        #expect(invoice.dueDate?.description == "2025-03-24T00:00:00.000+01:00")
        #expect(invoice.totalPrice.totalGrossAmount == Decimal(string: "121.1"))
        #expect(invoice.totalPrice.totalNetAmount == Decimal(string: "104.79"))
        #expect(invoice.totalPrice.totalTaxAmount == Decimal(string: "16.31"))
        #expect(invoice.taxAmounts?.map(\.taxRatePercentage) == [7, 19])
        #expect(invoice.taxConditions.taxType == .gross)
        #expect(invoice.electronicDocumentProfile == .regular)
        #expect(invoice.xRechnung == nil)
        #expect(invoice.closingInvoice == false)
        #expect(invoice.relatedVouchers == [])
        #expect(invoice.shippingConditions.shippingType == .service)
        #expect(invoice.paymentConditions?.paymentTermDuration == 14)

        let inspection = try #require(invoice.lineItems.first)
        #expect(inspection.unitPrice?.netAmount == Decimal(string: "74.7899"))
        #expect(inspection.id == nil)
        let assembly = try #require(invoice.lineItems.last)
        let articleID = try LexofficeID("7d0c9a8b-1e2f-4a3b-9c8d-7e6f5a4b3c2d")
        #expect(assembly.type == .service)
        #expect(assembly.id == articleID)
        #expect(assembly.quantity == Decimal(string: "0.5"))
        #expect(assembly.lineItemAmount == Decimal(string: "32.1"))
    }

    @Test("a create request carries no read-only values")
    func invoiceCreateRequest() throws {
        let request = try decode(Invoice.self, "invoice-create.json")
        let contactID = try LexofficeID("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")
        #expect(request.id == nil)
        #expect(request.voucherStatus == nil)
        #expect(request.totalPrice == TotalPrice(currency: .euro))
        #expect(request.address == SalesVoucherAddress(contactId: contactID))
        #expect(request.lineItems.map(\.unitPrice?.grossAmount) == [89, Decimal(string: "64.2")])

        let result = try decode(ActionResult.self, "invoice-create-response.json")
        #expect(result.id.rawValue == "c3a1f7e2-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
        #expect(result.version == 1)
    }

    @Test("an invoice built with the initializer encodes to the documented minimal create body")
    func invoiceInitializerMatchesMinimalBody() throws {
        let voucherDay = try PlainDate(year: 2025, month: 3, day: 3)
        let serviceDay = try PlainDate(year: 2025, month: 2, day: 28)
        let invoice = Invoice(
            voucherDate: LexofficeDateTime(localMidnightOf: voucherDay),
            address: SalesVoucherAddress(
                name: "Muster Werkstatt GmbH",
                street: "Hafenweg 3",
                city: "Bremen",
                zip: "28195",
                countryCode: "DE"
            ),
            lineItems: [
                LineItem(
                    type: .custom,
                    name: "Wartung Hydraulik",
                    quantity: 2,
                    unitName: "Stunde",
                    unitPrice: UnitPrice(currency: .euro, taxRatePercentage: 19, netAmount: 85)
                ),
                LineItem(type: .text, name: "Hinweis", description: "Leistung am Standort Bremen erbracht."),
            ],
            totalPrice: TotalPrice(currency: .euro),
            taxConditions: TaxConditions(taxType: .net),
            shippingConditions: ShippingConditions(
                shippingType: .service,
                shippingDate: LexofficeDateTime(localMidnightOf: serviceDay)
            )
        )
        let encoded = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(invoice))
        let documented = try JSONDecoder().decode(JSONValue.self, from: Fixtures.data("invoice-create-minimal.json"))
        #expect(Fixtures.differences(documented, encoded, path: "$") == [])
    }

    @Test("a closing invoice lists its down payment deductions")
    func closingInvoiceValues() throws {
        let invoice = try decode(Invoice.self, "invoice-closing-get.json")
        #expect(invoice.closingInvoice == true)
        #expect(invoice.claimedGrossAmount == 3260)
        #expect(invoice.dueDate?.description == "2025-04-03T00:00:00.000+02:00")
        let deduction = try #require(invoice.downPaymentDeductions?.first)
        #expect(deduction.voucherType == .downPaymentInvoice)
        #expect(deduction.voucherNumber == "RE0038")
        #expect(deduction.receivedGrossAmount == 1500)
        #expect(deduction.receivedNetAmount == Decimal(string: "1260.5"))
        #expect(invoice.totalPrice.totalGrossAmount.map { $0 - 1500 } == invoice.claimedGrossAmount)

        let downPayment = try decode(DownPaymentInvoice.self, "down-payment-invoice-settled-get.json")
        #expect(downPayment.id == deduction.id)
        #expect(downPayment.closingInvoiceId == invoice.id)
        #expect(downPayment.voucherStatus == .paid)
    }

    @Test("an XRechnung invoice reads its buyer reference, profile and early payment discount")
    func xRechnungInvoiceValues() throws {
        let invoice = try decode(Invoice.self, "invoice-xrechnung-get.json")
        #expect(invoice.xRechnung == XRechnungReference(buyerReference: "02-48152342-17"))
        #expect(invoice.electronicDocumentProfile == .xRechnung)
        #expect(invoice.electronicDocumentProfile?.isDocumented == true)
        #expect(invoice.address.contactPerson == "Jana Petersen")
        #expect(invoice.address.supplement == "Fachamt Fuhrpark")
        #expect(invoice.paymentConditions?.paymentDiscountConditions?.discountPercentage == 2)
        #expect(invoice.paymentConditions?.paymentDiscountConditions?.discountRange == 10)
        #expect(invoice.shippingConditions.shippingType == .servicePeriod)
        #expect(invoice.shippingConditions.shippingEndDate?.description == "2025-03-14T00:00:00.000+01:00")
        #expect(invoice.totalPrice.totalTaxAmount == Decimal(string: "14.42"))
        #expect(invoice.lineItems.map(\.discountPercentage) == [0, 10, 0])
        #expect(invoice.relatedVouchers?.first?.voucherType == .orderConfirmation)

        let rendered = try decode(DocumentFileReference.self, "invoice-document.json")
        #expect(rendered == invoice.files)
    }

    @Test("an invoice generated from a recurring template points back to it")
    func recurringInvoiceValues() throws {
        let invoice = try decode(Invoice.self, "invoice-recurring-get.json")
        let template = try decode(RecurringTemplate.self, "recurring-template-get.json")
        #expect(invoice.recurringTemplateId == template.id)
        #expect(invoice.totalPrice == template.totalPrice)
        #expect(invoice.lineItems == template.lineItems)
        #expect(invoice.lineItems.last?.type == .text)
        #expect(invoice.lineItems.last?.unitPrice == nil)
    }

    @Test("a distance sale to an EU consumer reads its tax sub type and absolute discount")
    func distanceSalesInvoiceValues() throws {
        let invoice = try decode(Invoice.self, "invoice-distance-sales-get.json")
        #expect(invoice.taxConditions == TaxConditions(taxType: .gross, taxSubType: .distanceSales))
        #expect(invoice.taxConditions.taxSubType?.isDocumented == true)
        #expect(invoice.address.contactId == nil)
        #expect(invoice.address.countryCode == "AT")
        #expect(invoice.totalPrice.totalDiscountAbsolute == 9)
        #expect(invoice.totalPrice.totalGrossAmount == 110)
        #expect(invoice.voucherStatus == .paid)
        #expect(invoice.lineItems.first?.type == .material)
    }

    @Test("an intra-community supply reads its tax type note, percentage discount and ZUGFeRD profile")
    func intraCommunityInvoiceValues() throws {
        let invoice = try decode(Invoice.self, "invoice-intra-community-get.json")
        #expect(invoice.taxConditions.taxType == .intraCommunitySupply)
        #expect(invoice.taxConditions.taxTypeNote?.hasPrefix("Tax-free intra-community supply") == true)
        #expect(invoice.electronicDocumentProfile == .en16931)
        #expect(invoice.language == "en")
        #expect(invoice.totalPrice.totalDiscountPercentage == 5)
        #expect(invoice.totalPrice.totalNetAmount == 2432)
        #expect(invoice.shippingConditions.shippingType == .deliveryPeriod)
        #expect(invoice.relatedVouchers?.first?.voucherType == .deliveryNote)
    }

    // MARK: - Other document types

    @Test("a linked credit note is paid off and names its invoice")
    func creditNoteValues() throws {
        let creditNote = try decode(CreditNote.self, "credit-note-get.json")
        #expect(creditNote.voucherStatus == .paidOff)
        #expect(creditNote.voucherNumber == "GS0005")
        #expect(creditNote.totalPrice.totalNetAmount == Decimal(string: "16.81"))
        #expect(creditNote.totalPrice.totalTaxAmount == Decimal(string: "3.19"))
        #expect(creditNote.totalPrice.totalGrossAmount == 20)
        #expect(creditNote.lineItems.first?.discountPercentage == nil)
        let invoice = try #require(creditNote.relatedVouchers?.first)
        #expect(invoice.voucherType == .invoice)
        #expect(invoice.voucherNumber == "RE0042")
    }

    @Test("a quotation keeps alternative sub items and optional items out of its totals")
    func quotationValues() throws {
        let quotation = try decode(Quotation.self, "quotation-get.json")
        #expect(quotation.expirationDate.description == "2025-05-01T00:00:00.000+02:00")
        #expect(quotation.voucherStatus == .open)
        let battery = try #require(quotation.lineItems.first)
        let alternative = try #require(battery.subItems?.first)
        #expect(alternative.alternative == true)
        #expect(alternative.unitPrice?.grossAmount == 649)
        #expect(quotation.lineItems.last?.optional == true)
        #expect(quotation.totalPrice.totalGrossAmount == 549)
        #expect(quotation.totalPrice.totalNetAmount == Decimal(string: "461.34"))
    }

    @Test("an order confirmation reads its line discount, delivery terms and follow-up delivery note")
    func orderConfirmationValues() throws {
        let confirmation = try decode(OrderConfirmation.self, "order-confirmation-get.json")
        let bike = try #require(confirmation.lineItems.first)
        #expect(bike.discountPercentage == 5)
        #expect(bike.lineItemAmount == Decimal(string: "2754.05"))
        #expect(confirmation.totalPrice.totalGrossAmount == Decimal(string: "3277.32"))
        #expect(confirmation.deliveryTerms == "Lieferung frei Haus")
        #expect(confirmation.shippingConditions.shippingType == .delivery)

        let deliveryNote = try decode(DeliveryNote.self, "delivery-note-get.json")
        #expect(confirmation.relatedVouchers?.first?.id == deliveryNote.id)
        #expect(deliveryNote.relatedVouchers?.first?.id == confirmation.id)
    }

    @Test("a delivery note has lines without prices")
    func deliveryNoteValues() throws {
        let deliveryNote = try decode(DeliveryNote.self, "delivery-note-get.json")
        #expect(deliveryNote.voucherNumber == "LS0007")
        #expect(deliveryNote.lineItems.map(\.type) == [.custom, .text])
        #expect(deliveryNote.lineItems.allSatisfy { $0.unitPrice == nil && $0.lineItemAmount == nil })
        #expect(deliveryNote.shippingConditions?.shippingDate?.description == "2025-04-24T00:00:00.000+02:00")
        #expect(deliveryNote.address.supplement == "Warenannahme, Tor 2")
    }

    @Test("a dunning is a draft attached to its invoice")
    func dunningValues() throws {
        let dunning = try decode(Dunning.self, "dunning-get.json")
        #expect(dunning.voucherStatus == .draft)
        #expect(dunning.shippingConditions.shippingType == .noShippingDate)
        #expect(dunning.shippingConditions.shippingDate == nil)
        #expect(dunning.relatedVouchers?.first?.voucherNumber == "RE0042")
        #expect(dunning.totalPrice.totalTaxAmount == 0)
        #expect(dunning.files?.documentFileId.rawValue == "4e71d9c0-0957-4706-9e78-b5fda5db95a6")
    }

    @Test("a down payment invoice has one line and no closing invoice yet")
    func downPaymentInvoiceValues() throws {
        let downPayment = try decode(DownPaymentInvoice.self, "down-payment-invoice-get.json")
        #expect(downPayment.voucherNumber == "RE0038")
        #expect(downPayment.lineItems.count == 1)
        #expect(downPayment.closingInvoiceId == nil)
        #expect(downPayment.dueDate?.description == "2025-01-29T00:00:00.000+01:00")
        #expect(downPayment.totalPrice.totalTaxAmount == Decimal(string: "239.5"))
    }

    // MARK: - Recurring templates

    @Test("a recurring template reads its schedule as plain dates")
    func recurringTemplateValues() throws {
        let template = try decode(RecurringTemplate.self, "recurring-template-get.json")
        let settings = try #require(template.recurringTemplateSettings)
        let firstRun = try PlainDate(year: 2025, month: 2, day: 1)
        #expect(settings.startDate == firstRun)
        #expect(settings.nextExecutionDate?.description == "2025-02-01")
        #expect(settings.endDate == nil)
        #expect(settings.executionInterval == .monthly)
        #expect(settings.executionStatus == .active)
        #expect(settings.executionStatus?.isDocumented == true)
        #expect(settings.shippingType == .servicePeriod)
        #expect(settings.finalize == true)
        #expect(template.totalPrice.totalTaxAmount == Decimal(string: "7.98"))
    }

    @Test("the recurring template list is a page of summaries")
    func recurringTemplatePageValues() throws {
        let page = try decode(Page<RecurringTemplateSummary>.self, "recurring-templates-page.json")
        #expect(page.totalElements == 2)
        #expect(page.sort?.first?.property == "updatedDate")
        let listed = try decode(RecurringTemplateSummary.self, "recurring-template-list-item.json")
        #expect(page.content.first == listed)
        let failing = try #require(page.content.last)
        #expect(failing.address?.name == "Café Speiche")
        #expect(failing.totalPrice?.totalGrossAmount == Decimal(string: "297.5"))
        let settings = try #require(failing.recurringTemplateSettings)
        #expect(settings.executionInterval == .quarterly)
        #expect(settings.endDate?.description == "2025-09-30")
        #expect(settings.lastExecutionFailed == true)
        #expect(settings.lastExecutionErrorMessage == "Der Kontakt ist archiviert.")
        #expect(settings.retroactiveInvoice == true)
    }

    // MARK: - Forward compatibility

    @Test("an undocumented enum value decodes and re-encodes unchanged")
    func unknownEnumValuesSurvive() throws {
        let json = #"""
            {"type":"bundle","name":"Werkstatt-Set","quantity":1,"unitName":"Set",
             "unitPrice":{"currency":"EUR","netAmount":10,"taxRatePercentage":19},"lineItemAmount":10}
            """#
        let item = try JSONDecoder().decode(LineItem.self, from: Data(json.utf8))
        #expect(item.type.rawValue == "bundle")
        #expect(item.type.isDocumented == false)
        #expect(LineItemType.documentedValues.contains(item.type) == false)

        let original = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        let reencoded = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(item))
        #expect(Fixtures.differences(original, reencoded, path: "$") == [])
        #expect(reencoded["type"] == JSONValue.string("bundle"))
    }

    // MARK: - Helpers

    private func decode<Model: Decodable>(_ type: Model.Type, _ fixture: String) throws -> Model {
        try JSONDecoder().decode(type, from: Fixtures.data(fixture))
    }
}
