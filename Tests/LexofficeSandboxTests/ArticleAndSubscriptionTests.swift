import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `/v1/articles` and `/v1/event-subscriptions` through LexofficeKit.
@Suite(.timeLimit(.minutes(1)))
struct ArticleAndSubscriptionTests {
    private static let chainLock = Article(
        title: "Kettenschloss Pro 90",
        type: .product,
        unitName: "Stück",
        price: ArticlePrice(leadingPrice: .net, taxRate: 19, netPrice: Decimal(string: "24.95")),
        articleNumber: "KS-PRO-90",
        gtin: "4006381333931"
    )

    @Test("an article's counterpart price is computed, updates are version-checked, delete is final")
    func articleLifecycle() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let created = try await client.articles.create(Self.chainLock)
            #expect(created.version == 0)
            var article = try await client.articles.get(created.id)
            #expect(article.price.grossPrice == Decimal(string: "29.69"))
            article.price = ArticlePrice(leadingPrice: .gross, taxRate: 7, grossPrice: Decimal(string: "10.70"))
            let updated = try await client.articles.update(article, id: created.id)
            #expect(updated.version == 1)
            #expect(try await client.articles.get(created.id).price.netPrice == 10)
            let stale = await #expect(throws: LexofficeError.self) {
                try await client.articles.update(article, id: created.id)
            }
            #expect(stale?.code == .versionConflict)
            #expect(
                try await client.articles.page(ArticleFilter(articleNumber: "KS-PRO-90"), page: PageRequest()).content
                    .count == 1
            )
            #expect(try await client.articles.page(ArticleFilter(type: .service), page: PageRequest()).content.isEmpty)
            try await client.articles.delete(created.id)
            let gone = await #expect(throws: LexofficeError.self) { try await client.articles.get(created.id) }
            #expect(gone?.code == .notFound)
        }
    }

    @Test("invalid articles are 406 with regular details naming the field")
    func articleValidation() async throws {
        try await SandboxHarness.withSandbox { _, client in
            var article = Self.chainLock
            article.gtin = "4006381333932"
            article.price.taxRate = 16
            let error = await #expect(throws: LexofficeError.self) { try await client.articles.create(article) }
            #expect(error?.code == .validationFailed)
            guard case .regular(let body)? = error?.body else {
                Issue.record("expected a regular error body")
                return
            }
            #expect(Set(body.details?.compactMap(\.field) ?? []) == ["gtin", "price.taxRate"])
            #expect(body.traceId != nil)
        }
    }

    @Test("event subscriptions: 201 on create, listed, 409 for a duplicate, HTTPS required, deleted with 204")
    func subscriptions() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let subscription = NewEventSubscription(
                eventType: .invoiceStatusChanged,
                callbackUrl: "https://hooks.example.org/lexware"
            )
            let created = try await client.eventSubscriptions.create(subscription)
            let listed = try await client.eventSubscriptions.list()
            #expect(listed.map(\.subscriptionId) == [created.id])
            #expect(
                try await client.eventSubscriptions.get(created.id).callbackUrl == "https://hooks.example.org/lexware"
            )
            let duplicate = await #expect(throws: LexofficeError.self) {
                try await client.eventSubscriptions.create(subscription)
            }
            #expect(duplicate?.code == .conflict)
            let insecure = await #expect(throws: LexofficeError.self) {
                try await client.eventSubscriptions.create(
                    NewEventSubscription(eventType: .contactCreated, callbackUrl: "http://hooks.example.org")
                )
            }
            #expect(insecure?.code == .validationFailed)
            try await client.eventSubscriptions.delete(created.id)
            #expect(try await client.eventSubscriptions.list().isEmpty)
            let missing = await #expect(throws: LexofficeError.self) {
                try await client.eventSubscriptions.delete(created.id)
            }
            #expect(missing?.code == .notFound)
        }
    }

    @Test("reference data: profile, ping, countries, payment conditions, posting categories, print layouts")
    func referenceData() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let profile = try await client.profile()
            #expect(profile.organizationId == server.defaultOrganizationID)
            #expect(profile.connectionId != nil)
            #expect(try await client.ping().userEmail.contains("@"))
            let countries = try await client.countries()
            #expect(countries.filter { $0.taxClassification == .intraCommunity }.count == 26)
            #expect(countries.contains { $0.countryCode == "DE" && $0.taxClassification == .de })
            #expect(try await client.paymentConditions().filter { $0.organizationDefault == true }.count == 1)
            #expect(
                try await client.postingCategories().contains {
                    $0.id.rawValue == "8f8664a8-fd86-11e1-a21f-0800200c9a66"
                }
            )
            #expect(try await client.printLayouts().filter { $0.default == true }.count == 1)
        }
    }
}
