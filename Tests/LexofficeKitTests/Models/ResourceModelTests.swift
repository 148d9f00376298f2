import Foundation
import LexofficeKit
import Testing

/// Decodes the raw lexoffice samples of every resource except sales vouchers and checks that nothing is lost.
struct ResourceModelTests {
    private func decode<Model: Decodable>(_ type: Model.Type, _ name: String) throws -> Model {
        try LexofficeJSON.decode(type, from: Fixtures.data(name))
    }

    // MARK: - Contacts

    @Test("a contact create body keeps every field and its roles stay empty objects")
    func contactCreateBody() throws {
        #expect(try Fixtures.roundTripDifferences(Contact.self, "contact-create.json") == [])
        let contact = try decode(Contact.self, "contact-create.json")
        #expect(contact.version == 0)
        #expect(contact.roles == ContactRoles(customer: CustomerRole(), vendor: VendorRole()))
        #expect(contact.id == nil)
        #expect(contact.company?.contactPersons?.first?.primary == true)
    }

    @Test("a new contact with an empty customer role encodes the role as {}")
    func emptyRoleEncoding() throws {
        let contact = Contact(
            version: 0,
            roles: ContactRoles(customer: CustomerRole()),
            person: Person(lastName: "Albers")
        )
        let json = try LexofficeJSON.decode(JSONValue.self, from: LexofficeJSON.encode(contact))
        #expect(json["roles"] == .object(["customer": .object([:])]))
        #expect(json["person"]?["lastName"] == .string("Albers"))
    }

    @Test("a fetched contact carries the numbers lexoffice assigned")
    func contactGet() throws {
        #expect(try Fixtures.roundTripDifferences(Contact.self, "contact-get.json") == [])
        let contact = try decode(Contact.self, "contact-get.json")
        #expect(contact.id == (try LexofficeID("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")))
        #expect(contact.roles.customer?.number == 10042)
        #expect(contact.roles.vendor?.number == 70007)
        #expect(contact.addresses?.shipping?.first?.supplement == "Tor 2")
        #expect(contact.archived == false)
    }

    @Test("a contacts page holds persons, companies and XRechnung data")
    func contactsPage() throws {
        #expect(try Fixtures.roundTripDifferences(Page<Contact>.self, "contacts-page.json") == [])
        let page = try decode(Page<Contact>.self, "contacts-page.json")
        #expect(page.totalElements == 3)
        #expect(page.sort?.first?.property == "name")
        let person = try #require(page.content.first)
        #expect(person.person?.lastName == "Albers")
        #expect(person.company == nil)
        #expect(person.archived == true)
        #expect(person.emailAddresses?.private == ["lena.albers@mail.example"])
        #expect(person.phoneNumbers?.mobile == ["0170 5550123"])
        let authority = try #require(page.content.last)
        #expect(authority.xRechnung?.buyerReference == "04011000-1234512345-06")
        #expect(authority.xRechnung?.vendorNumberAtCustomer == "K-4711")
        #expect(authority.phoneNumbers?.fax == ["05121 301-199"])
    }

    // MARK: - Articles

    @Test("an article create body sends only the leading price")
    func articleCreateBody() throws {
        #expect(try Fixtures.roundTripDifferences(Article.self, "article-create.json") == [])
        let article = try decode(Article.self, "article-create.json")
        #expect(article.type == .product)
        #expect(article.price.leadingPrice == .net)
        #expect(article.price.netPrice == Decimal(string: "24.95"))
        #expect(article.price.grossPrice == nil)
        #expect(article.version == nil)
    }

    @Test("a fetched article has the computed counterpart price and its metadata")
    func articleGet() throws {
        #expect(try Fixtures.roundTripDifferences(Article.self, "article-get.json") == [])
        let article = try decode(Article.self, "article-get.json")
        #expect(article.price.grossPrice == Decimal(string: "29.69"))
        #expect(article.price.taxRate == 19)
        #expect(article.version == 2)
        #expect(article.createdDate?.description == "2025-02-18T09:12:44.318+01:00")
    }

    @Test("an articles page holds products and services")
    func articlesPage() throws {
        #expect(try Fixtures.roundTripDifferences(Page<Article>.self, "articles-page.json") == [])
        let page = try decode(Page<Article>.self, "articles-page.json")
        #expect(page.totalElements == 2)
        #expect(page.content.map(\.type) == [.service, .product])
        #expect(page.content.first?.price.leadingPrice == .gross)
    }

    // MARK: - Reference data

    @Test("countries carry their tax classification")
    func countries() throws {
        #expect(try Fixtures.roundTripDifferences([Country].self, "countries.json") == [])
        let countries = try decode([Country].self, "countries.json")
        #expect(countries.map(\.countryCode) == ["DE", "AT", "CH"])
        #expect(countries.map(\.taxClassification) == [.de, .intraCommunity, .thirdPartyCountry])
        #expect(countries[1].countryNameDE == "Österreich")
    }

    @Test("payment conditions have exactly one default and optional discounts")
    func paymentConditions() throws {
        #expect(try Fixtures.roundTripDifferences([PaymentCondition].self, "payment-conditions.json") == [])
        let conditions = try decode([PaymentCondition].self, "payment-conditions.json")
        #expect(conditions.filter { $0.organizationDefault == true }.count == 1)
        #expect(conditions[0].paymentDiscountConditions == nil)
        #expect(conditions[1].paymentDiscountConditions?.discountPercentage == 2)
        #expect(conditions[1].paymentDiscountConditions?.discountRange == 7)
        #expect(conditions[1].paymentTermDuration == 30)
    }

    @Test("posting categories are income or outgo")
    func postingCategories() throws {
        #expect(try Fixtures.roundTripDifferences([PostingCategory].self, "posting-categories.json") == [])
        let categories = try decode([PostingCategory].self, "posting-categories.json")
        #expect(categories.map(\.type) == [.income, .outgo])
        #expect(categories[0].id == (try LexofficeID("8f8664a8-fd86-11e1-a21f-0800200c9a66")))
        #expect(categories[0].splitAllowed == true)
    }

    @Test("print layouts mark one default")
    func printLayouts() throws {
        #expect(try Fixtures.roundTripDifferences([PrintLayout].self, "print-layouts.json") == [])
        let layouts = try decode([PrintLayout].self, "print-layouts.json")
        #expect(layouts.filter { $0.default == true }.map(\.name) == ["Standard"])
    }

    @Test("the profile names the connection and includes the undocumented sample fields")
    func profile() throws {
        #expect(try Fixtures.roundTripDifferences(Profile.self, "profile.json") == [])
        let profile = try decode(Profile.self, "profile.json")
        #expect(profile.connectionId == (try LexofficeID("3c4d5e6f-7081-4293-a4b5-c6d7e8f90a1b")))
        #expect(profile.businessFeatures == BusinessFeature.documentedValues)
        #expect(profile.distanceSalesPrinciple == .origin)
        #expect(profile.taxType == .net)
        #expect(profile.features == ["cashbox"])
        #expect(profile.subscriptionStatus == "active")
        #expect(profile.created?.date?.description == "2024-11-05T10:20:30.000+01:00")
    }

    @Test("ping returns the connected user's e-mail address")
    func ping() throws {
        #expect(try Fixtures.roundTripDifferences(Ping.self, "ping.json") == [])
        #expect(try decode(Ping.self, "ping.json").userEmail == "tom@rad-und-tat.example")
    }

    // MARK: - Bookkeeping vouchers

    @Test("a voucher create body keeps plain dates and its totals match the items")
    func voucherCreateBody() throws {
        #expect(try Fixtures.roundTripDifferences(Voucher.self, "voucher-create.json") == [])
        let voucher = try decode(Voucher.self, "voucher-create.json")
        let voucherDate = try PlainDate("2025-03-02")
        #expect(voucher.voucherDate == .day(voucherDate))
        #expect(voucher.taxType == .gross)
        let items = try #require(voucher.voucherItems)
        #expect(items.map(\.amount).reduce(0, +) == voucher.totalGrossAmount)
        #expect(items.map(\.taxAmount).reduce(0, +) == voucher.totalTaxAmount)
        #expect(items.map(\.taxRatePercent) == [19, 7])
    }

    @Test("a fetched voucher returns its dates as date-times of the same day")
    func voucherGet() throws {
        #expect(try Fixtures.roundTripDifferences(Voucher.self, "voucher-get.json") == [])
        let voucher = try decode(Voucher.self, "voucher-get.json")
        let voucherDate = try #require(voucher.voucherDate)
        guard case .dateTime = voucherDate else {
            Issue.record("expected a date-time, got \(voucherDate)")
            return
        }
        #expect(voucherDate.day == (try PlainDate("2025-03-02")))
        #expect(voucher.dueDate?.day == voucherDate.day)
        #expect(voucher.voucherStatus == .open)
        #expect(voucher.files == [])
        #expect(voucher.version == 1)
    }

    @Test("an unchecked voucher needs only type, status, tax type and contact")
    func voucherUncheckedCreateBody() throws {
        #expect(try Fixtures.roundTripDifferences(Voucher.self, "voucher-unchecked-create.json") == [])
        let voucher = try decode(Voucher.self, "voucher-unchecked-create.json")
        #expect(voucher.type == .purchaseInvoice)
        #expect(voucher.voucherStatus == .unchecked)
        #expect(voucher.voucherItems == nil)
    }

    @Test("a vouchers page holds a purchase invoice with a contact and a file")
    func vouchersPage() throws {
        #expect(try Fixtures.roundTripDifferences(Page<Voucher>.self, "vouchers-page.json") == [])
        let page = try decode(Page<Voucher>.self, "vouchers-page.json")
        #expect(page.totalElements == 1)
        let voucher = try #require(page.content.first)
        #expect(voucher.contactId == (try LexofficeID("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")))
        let receipt = try LexofficeID("f3ae0d28-6978-4018-b5d7-99bfcdb2c25b")
        #expect(voucher.files == [receipt])
        #expect(voucher.shippingDate == nil)
    }

    @Test("a voucherlist page lists vouchers of any kind with their amounts")
    func voucherlistPage() throws {
        #expect(try Fixtures.roundTripDifferences(Page<VoucherListItem>.self, "voucherlist-page.json") == [])
        let page = try decode(Page<VoucherListItem>.self, "voucherlist-page.json")
        #expect(page.size == 50)
        #expect(page.sort?.first?.ascending == false)
        let item = try #require(page.content.first)
        #expect(item.voucherType == .invoice)
        #expect(item.voucherStatus == .open)
        #expect(item.totalAmount == Decimal(string: "121.10"))
        #expect(item.openAmount == Decimal(string: "101.10"))
        #expect(item.currency == .euro)
    }

    @Test("an upload result names the file and the voucher it created")
    func fileUploadResult() throws {
        #expect(try Fixtures.roundTripDifferences(FileUploadResult.self, "file-upload-result.json") == [])
        let result = try decode(FileUploadResult.self, "file-upload-result.json")
        #expect(result.id == (try LexofficeID("6d5c4b3a-2918-4f7e-8d6c-5b4a39281706")))
        #expect(result.voucherId == (try LexofficeID("e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b")))
    }

    // MARK: - Payments

    @Test("an open payment status lists the part payments")
    func paymentOpen() throws {
        #expect(try Fixtures.roundTripDifferences(Payment.self, "payment-open.json") == [])
        let payment = try decode(Payment.self, "payment-open.json")
        #expect(payment.paymentStatus == .openRevenue)
        #expect(payment.openAmount == Decimal(string: "101.10"))
        #expect(payment.paidDate == nil)
        #expect(payment.paymentItems?.first?.paymentItemType == .partPaymentCreditNote)
        #expect(payment.paymentItems?.first?.amount == 20)
    }

    @Test("a paid payment status has a paid date and items that add up to the total")
    func paymentPaid() throws {
        #expect(try Fixtures.roundTripDifferences(Payment.self, "payment-paid.json") == [])
        let payment = try decode(Payment.self, "payment-paid.json")
        #expect(payment.paymentStatus == .balanced)
        #expect(payment.openAmount == 0)
        #expect(payment.paidDate?.description == "2025-03-20T10:11:12.000+01:00")
        let items = try #require(payment.paymentItems)
        #expect(items.map(\.paymentItemType) == [.partPaymentFinancialTransaction, .cashDiscount])
        #expect(items.compactMap(\.amount).reduce(0, +) == Decimal(string: "121.10"))
    }

    @Test("amounts sent as numeric strings are read and written back as numbers")
    func paymentStringAmount() throws {
        #expect(
            try Fixtures.roundTripDifferences(Payment.self, "payment-string-amount.json") == [
                #"$.openAmount: string("1337.00") != number(1337)"#,
                #"$.paymentItems[0].amount: string("200.00") != number(200)"#,
            ]
        )
        let payment = try decode(Payment.self, "payment-string-amount.json")
        #expect(payment.openAmount == Decimal(string: "1337.00"))
        #expect(payment.paymentItems?.first?.amount == Decimal(string: "200.00"))
        #expect(payment.paymentStatus == .openExpense)
        let reencoded = try LexofficeJSON.decode(JSONValue.self, from: LexofficeJSON.encode(payment))
        #expect(reencoded["openAmount"] == .number(1337))
    }

    @Test("an amount string that is not a plain number is rejected")
    func paymentMalformedAmount() {
        for body in [#"{"openAmount": "13,37"}"#, #"{"openAmount": "1337 EUR"}"#, #"{"openAmount": ""}"#] {
            #expect(throws: DecodingError.self) {
                try LexofficeJSON.decode(Payment.self, from: Data(body.utf8))
            }
        }
    }

    // MARK: - Event subscriptions and webhooks

    @Test("an event subscription create body names the event type and callback URL")
    func eventSubscriptionCreateBody() throws {
        #expect(try Fixtures.roundTripDifferences(NewEventSubscription.self, "event-subscription-create.json") == [])
        let body = try decode(NewEventSubscription.self, "event-subscription-create.json")
        #expect(body.eventType == .invoiceStatusChanged)
        #expect(body.callbackUrl == "https://hooks.example.org/lexware")
    }

    @Test("creating an event subscription answers with an action result keyed id")
    func eventSubscriptionCreated() throws {
        #expect(try Fixtures.roundTripDifferences(ActionResult.self, "event-subscription-created.json") == [])
        let result = try decode(ActionResult.self, "event-subscription-created.json")
        #expect(result.id == (try LexofficeID("2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901")))
        #expect(result.version == 0)
    }

    @Test("the subscription list is a bare content wrapper keyed by subscriptionId")
    func eventSubscriptions() throws {
        #expect(try Fixtures.roundTripDifferences(EventSubscriptionList.self, "event-subscriptions.json") == [])
        let list = try decode(EventSubscriptionList.self, "event-subscriptions.json")
        let subscription = try #require(list.content.first)
        #expect(list.content.count == 1)
        #expect(subscription.subscriptionId == (try LexofficeID("2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901")))
        #expect(subscription.eventType == .invoiceStatusChanged)
        #expect(subscription.createdDate?.description == "2025-03-01T08:00:00.000+01:00")
    }

    @Test("a webhook callback body carries ids and the event date to the millisecond")
    func webhookCallback() throws {
        #expect(try Fixtures.roundTripDifferences(WebhookCallback.self, "webhook-callback.json") == [])
        let callback = try decode(WebhookCallback.self, "webhook-callback.json")
        #expect(callback.eventType == .invoiceStatusChanged)
        #expect(callback.resourceId == (try LexofficeID("c3a1f7e2-5b6d-4e8f-9a0b-1c2d3e4f5a6b")))
        #expect(callback.eventDate.description == "2025-03-14T09:30:02.417+01:00")
        #expect(try Fixtures.data("webhook-callback.json").last == UInt8(ascii: "}"))
    }

    @Test("all 42 documented event types are listed once with their wire names")
    func documentedEventTypes() {
        #expect(EventType.documentedValues.count == 42)
        #expect(Set(EventType.documentedValues.map(\.rawValue)).count == 42)
        #expect(EventType.invoiceStatusChanged.rawValue == "invoice.status.changed")
        #expect(EventType.downPaymentInvoiceStatusChanged.rawValue == "down-payment-invoice.status.changed")
        #expect(EventType.tokenRevoked.rawValue == "token.revoked")
    }

    @Test("an unknown event type decodes and re-encodes unchanged")
    func unknownEventType() throws {
        let wire = Data(#""article.archived""#.utf8)
        let eventType = try LexofficeJSON.decode(EventType.self, from: wire)
        #expect(eventType.rawValue == "article.archived")
        #expect(!eventType.isDocumented)
        #expect(try LexofficeJSON.encode(eventType) == wire)
    }
}
