import Foundation
import KontorCore
import LexofficeKit
import Testing

@Suite("Source invoice: mapping to lexoffice")
struct SourceInvoiceMappingTests {
    static let contactID = LexofficeID.random()

    @Test("a net company invoice maps dates, net prices, discounts, payment term and texts")
    func netCompanyInvoice() throws {
        let source = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        let invoice = try source.lexofficeInvoice(contactID: Self.contactID)

        #expect(invoice.voucherDate.description == "2026-03-10T00:00:00.000+01:00")
        #expect(invoice.address == SalesVoucherAddress(contactId: Self.contactID))
        #expect(invoice.taxConditions == TaxConditions(taxType: .net))
        #expect(invoice.totalPrice == TotalPrice(currency: .euro, totalDiscountPercentage: Decimal(string: "2.5")))
        #expect(
            invoice.paymentConditions
                == PaymentConditions(paymentTermLabel: "Zahlbar innerhalb von 14 Tagen", paymentTermDuration: 14)
        )
        #expect(
            invoice.shippingConditions == ShippingConditions(shippingType: .service, shippingDate: invoice.voucherDate)
        )
        #expect(invoice.title == "Rechnung")
        #expect(invoice.introduction == "Wir berechnen Ihnen folgende Leistungen:")
        #expect(invoice.remark == "Vielen Dank für Ihren Auftrag!")
        #expect(invoice.xRechnung == XRechnungReference(buyerReference: "04011000-12345-67"))
        #expect(
            invoice.lineItems == [
                LineItem(
                    type: .custom,
                    name: "Wartung Hydraulik",
                    description: "Vor Ort in Bremen, inklusive Anfahrt.",
                    quantity: Decimal(string: "2.5"),
                    unitName: "Stunde",
                    unitPrice: UnitPrice(currency: .euro, taxRatePercentage: 19, netAmount: 85),
                    discountPercentage: 10
                ),
                LineItem(
                    type: .custom,
                    name: "Fachbuch Hydraulik",
                    quantity: 1,
                    unitName: "Stück",
                    unitPrice: UnitPrice(currency: .euro, taxRatePercentage: 7, netAmount: Decimal(string: "39.9"))
                ),
            ]
        )
    }

    @Test("a gross person invoice sends gross prices, a term from the due date and no total discount")
    func grossPersonInvoice() throws {
        let source = try SourceInvoiceSamples.decode(SourceInvoiceSamples.personInvoice)
        let invoice = try source.lexofficeInvoice(contactID: Self.contactID)

        #expect(invoice.voucherDate.description == "2026-04-01T00:00:00.000+02:00")
        #expect(invoice.taxConditions.taxType == .gross)
        #expect(
            invoice.lineItems.map(\.unitPrice) == [
                UnitPrice(currency: .euro, taxRatePercentage: 19, grossAmount: 89),
                UnitPrice(currency: .euro, taxRatePercentage: 7, grossAmount: Decimal(string: "64.2")),
            ]
        )
        #expect(invoice.lineItems.map(\.discountPercentage) == [nil, nil])
        #expect(invoice.totalPrice == TotalPrice(currency: .euro, totalDiscountPercentage: 0))
        #expect(
            invoice.paymentConditions
                == PaymentConditions(paymentTermLabel: "Zahlbar innerhalb von 14 Tagen", paymentTermDuration: 14)
        )
        #expect(invoice.title == nil)
        #expect(invoice.xRechnung == nil)
    }

    @Test("an invoice that skipped validation is refused with a reason, not mapped")
    func unvalidatedDate() throws {
        var source = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        source.date = "2026-02-30"
        #expect(throws: SourceInvoiceMappingError.self) { try source.lexofficeInvoice(contactID: nil) }
    }

    @Test("without a contact the customer's address is inline and there is no XRechnung")
    func inlineAddress() throws {
        let company = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        #expect(
            try company.lexofficeInvoice(contactID: nil).address
                == SalesVoucherAddress(
                    name: "Radhaus Nord GmbH",
                    supplement: "Tor 2",
                    street: "Lindenallee 7",
                    city: "Hamburg",
                    zip: "22041",
                    countryCode: "DE"
                )
        )
        #expect(try company.lexofficeInvoice(contactID: nil).xRechnung == nil)

        let person = try SourceInvoiceSamples.decode(SourceInvoiceSamples.personInvoice)
        #expect(try person.lexofficeInvoice(contactID: nil).address.name == "Jana Keller")
        #expect(try person.lexofficeInvoice(contactID: nil).address.contactId == nil)

        var lastNameOnly = person
        lastNameOnly.customer.person = SourcePerson(lastName: "Keller")
        #expect(try lastNameOnly.lexofficeInvoice(contactID: nil).address.name == "Keller")
    }

    @Test("a vat-free invoice keeps its tax type, net prices and rate 0, payable at once")
    func vatFreeInvoice() throws {
        let source = try SourceInvoiceSamples.decode(SourceInvoiceMoreSamples.vatFreeInvoice)
        #expect(source.validationIssues(sourceID: "ku-7") == [])
        let invoice = try source.lexofficeInvoice(contactID: nil)

        #expect(invoice.taxConditions.taxType == .vatFree)
        #expect(invoice.taxConditions.taxType.rawValue == "vatfree")
        #expect(invoice.voucherDate.description == "2026-10-30T00:00:00.000+01:00")
        #expect(invoice.lineItems.map(\.unitPrice?.netAmount) == [45, Decimal(string: "19.99")])
        #expect(invoice.lineItems.map(\.unitPrice?.grossAmount) == [nil, nil])
        #expect(invoice.lineItems.map(\.unitPrice?.taxRatePercentage) == [0, 0])
        #expect(
            invoice.paymentConditions
                == PaymentConditions(paymentTermLabel: "Zahlbar sofort ohne Abzug", paymentTermDuration: 0)
        )
    }

    @Test("every source tax type maps to the lexoffice value of the same name")
    func taxTypes() throws {
        var source = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        for taxType in SourceTaxType.allCases {
            source.taxType = taxType.rawValue
            #expect(
                try source.lexofficeInvoice(contactID: Self.contactID).taxConditions.taxType.rawValue
                    == taxType.rawValue
            )
        }
    }

    @Test(
        "the payment term counts calendar days from the invoice date to the due date, across clock changes",
        arguments: [
            ("2026-03-20", "2026-04-03", 14),  // into summer time
            ("2026-10-20", "2026-11-19", 30),  // into winter time
            ("2026-12-31", "2026-12-31", 0),
            ("2028-02-01", "2028-03-01", 29),  // leap year
        ]
    )
    func paymentTermFromDueDate(date: String, dueDate: String, days: Int) throws {
        var source = try SourceInvoiceSamples.decode(SourceInvoiceSamples.personInvoice)
        source.date = date
        source.dueDate = dueDate
        let conditions = try source.lexofficeInvoice(contactID: nil).paymentConditions

        #expect(conditions?.paymentTermDuration == days)
        #expect(conditions?.paymentTermLabel?.hasPrefix("Zahlbar") == true)
    }

    @Test("without payment term or due date the contact's or organization's default applies")
    func noPaymentTerm() throws {
        let source = try SourceInvoiceSamples.decode(SourceInvoiceMoreSamples.inlineAddressInvoice)
        #expect(source.validationIssues(sourceID: "w-5120") == [])
        let invoice = try source.lexofficeInvoice(contactID: nil)

        #expect(invoice.paymentConditions == nil)
        #expect(invoice.voucherDate.description == "2026-07-15T00:00:00.000+02:00")
        #expect(invoice.shippingConditions.shippingDate == invoice.voucherDate)
    }

    @Test("a company customer becomes a customer contact with address, e-mail, phone and XRechnung data")
    func companyContact() throws {
        let source = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        let contact = source.customer.lexofficeContact()

        #expect(contact.version == 0)
        #expect(contact.roles == ContactRoles(customer: CustomerRole()))
        #expect(contact.id == nil)
        #expect(
            contact.company
                == Company(name: "Radhaus Nord GmbH", taxNumber: "22/815/08154", vatRegistrationId: "DE123456789")
        )
        #expect(contact.person == nil)
        #expect(
            contact.addresses
                == ContactAddresses(billing: [
                    ContactAddress(
                        countryCode: "DE",
                        supplement: "Tor 2",
                        street: "Lindenallee 7",
                        zip: "22041",
                        city: "Hamburg"
                    )
                ])
        )
        #expect(contact.emailAddresses == EmailAddresses(business: ["rechnung@radhaus-nord.example"]))
        #expect(contact.phoneNumbers == PhoneNumbers(business: ["040 1234560"]))
        #expect(
            contact.xRechnung == ContactXRechnung(buyerReference: "04011000-12345-67", vendorNumberAtCustomer: "L-4711")
        )
    }

    @Test("a person customer becomes a customer contact without company, e-mail, phone or XRechnung data")
    func personContact() throws {
        let source = try SourceInvoiceSamples.decode(SourceInvoiceSamples.personInvoice)
        let contact = source.customer.lexofficeContact()

        #expect(contact.roles.customer != nil)
        #expect(contact.roles.vendor == nil)
        #expect(contact.person == Person(lastName: "Keller", salutation: "Frau", firstName: "Jana"))
        #expect(contact.company == nil)
        #expect(contact.addresses?.billing?.first?.street == "Hafenstraße 1")
        #expect(contact.addresses?.shipping == nil)
        #expect(contact.emailAddresses == nil)
        #expect(contact.phoneNumbers == nil)
        #expect(contact.xRechnung == nil)
    }

    @Test("a blank phone number or buyer reference is left out of the contact")
    func blankValues() throws {
        var customer = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice).customer
        customer.phone = " "
        customer.buyerReference = ""
        let contact = customer.lexofficeContact()

        #expect(contact.phoneNumbers == nil)
        #expect(contact.xRechnung == nil)
    }
}
