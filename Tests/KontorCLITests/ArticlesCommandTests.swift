import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `kontor lexoffice articles …` against an in-process sandbox.
@Suite(.timeLimit(.minutes(1)))
struct ArticlesCommandTests {
    @Test("create, list, get, update and delete an article")
    func lifecycle() async throws {
        try await TestSandbox.run { sandbox in
            let created = await CLIRun.kontor(
                [
                    "lexoffice", "articles", "create", "--title", "Schlauch 28\"", "--type", "product", "--unit",
                    "Stück",
                    "--net-price", "4.20", "--article-number", "SCH-28", "--json",
                ] + sandbox.flags
            )
            #expect(created.status == 0, "\(created.errors)")
            let id = try #require(try created.json()["id"]?.stringValue)

            let listed = try await CLIRun.kontor(
                ["lexoffice", "articles", "list", "--article-number", "SCH-28", "--json"] + sandbox.flags
            ).json()
            #expect(listed.elements.map { $0["id"]?.stringValue } == [id])

            let fetched = try await CLIRun.kontor(["lexoffice", "articles", "get", id, "--json"] + sandbox.flags).json()
            #expect(fetched["price"]?["netPrice"] == .number(Decimal(string: "4.2")!))
            #expect(fetched["price"]?["taxRate"] == .number(19))
            #expect(fetched["type"]?.stringValue == "PRODUCT")

            let updated = await CLIRun.kontor(
                ["lexoffice", "articles", "update", id, "--gross-price", "5.95", "--tax-rate", "7"] + sandbox.flags
            )
            #expect(updated.status == 0, "\(updated.errors)")
            let article = try await sandbox.client.articles.get(try LexofficeID(id))
            #expect(article.price.leadingPrice == .gross)
            #expect(article.price.grossPrice == Decimal(string: "5.95"))
            #expect(article.price.taxRate == 7)

            let table = await CLIRun.kontor(["lexoffice", "articles", "list"] + sandbox.flags)
            #expect(table.output.contains("SCH-28"))

            let deleted = await CLIRun.kontor(["lexoffice", "articles", "delete", id, "--json"] + sandbox.flags)
            #expect(try deleted.json()["deleted"]?[0]?.stringValue == id)
            let gone = await CLIRun.kontor(["lexoffice", "articles", "get", id] + sandbox.flags)
            #expect(gone.status == 3)
            #expect(gone.errors.contains("HTTP 404"))
        }
    }

    @Test("an update with a stale version fails with 409 (exit 3)")
    func staleVersion() async throws {
        try await TestSandbox.run { sandbox in
            let created = try await sandbox.client.articles.create(
                Article(
                    title: "Kette",
                    type: .product,
                    unitName: "Stück",
                    price: ArticlePrice(leadingPrice: .net, taxRate: 19, netPrice: 12)
                )
            )
            let id = created.id.rawValue
            #expect(
                await CLIRun.kontor(["lexoffice", "articles", "update", id, "--title", "K2"] + sandbox.flags).status
                    == 0
            )
            let stale = await CLIRun.kontor(
                ["lexoffice", "articles", "update", id, "--title", "K3", "--if-version", "0"] + sandbox.flags
            )
            #expect(stale.status == 3)
            #expect(stale.errors.contains("version-conflict (HTTP 409)"))
        }
    }

    @Test("invalid flags are usage errors (exit 2) before anything is sent")
    func flags() async {
        let both = await CLIRun.kontor(
            ["lexoffice", "articles", "create", "--net-price", "1", "--gross-price", "2", "--api-key", "k"]
        )
        #expect(both.status == 2)
        let notNumber = await CLIRun.kontor([
            "lexoffice", "articles", "create", "--net-price", "viel", "--api-key", "k",
        ])
        #expect(notNumber.status == 2)
        #expect(notNumber.errors.contains("--net-price must be a number"))
    }
}
