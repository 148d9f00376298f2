import Foundation
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import Testing

/// `kontor lexoffice events …` against an in-process sandbox, `watch` with its local receiver included.
@Suite(.timeLimit(.minutes(1)))
struct EventsCommandTests {
    @Test("subscribe, list and delete subscriptions; a duplicate is a conflict (409, exit 3)")
    func subscriptions() async throws {
        try await TestSandbox.run { sandbox in
            let url = "https://hooks.example/lexoffice"
            let subscribed = try await CLIRun.kontor(
                [
                    "lexoffice", "events", "subscribe", "--event", "invoice.created", "--event", "contact.changed",
                    "--callback-url", url, "--json",
                ] + sandbox.flags
            ).json()
            let ids = subscribed.elements.compactMap { $0["id"]?.stringValue }
            #expect(ids.count == 2)

            let listed = try await CLIRun.kontor(["lexoffice", "events", "list", "--json"] + sandbox.flags).json()
            #expect(
                Set(listed.elements.compactMap { $0["eventType"]?.stringValue }) == [
                    "invoice.created", "contact.changed",
                ]
            )
            let table = await CLIRun.kontor(["lexoffice", "events", "list"] + sandbox.flags)
            #expect(table.output.contains(url))

            let duplicate = await CLIRun.kontor(
                ["lexoffice", "events", "subscribe", "--event", "invoice.created", "--callback-url", url]
                    + sandbox.flags
            )
            #expect(duplicate.status == 3)
            #expect(duplicate.errors.contains("conflict (HTTP 409)"))

            let deleted = await CLIRun.kontor(["lexoffice", "events", "delete"] + ids + sandbox.flags)
            #expect(deleted.status == 0)
            #expect(try await sandbox.client.eventSubscriptions.list().isEmpty)
        }
    }

    @Test("watch receives signed events, prints each with its resource, stops after --max-events and unsubscribes")
    func watch() async throws {
        try await TestSandbox.run { sandbox in
            let client = sandbox.client
            try await withThrowingTaskGroup(of: CLIRun.self) { tasks in
                tasks.addTask {
                    await CLIRun.kontor(
                        [
                            "lexoffice", "events", "watch", "--event", "contact.created", "--event", "contact.changed",
                            "--max-events", "2", "--json",
                        ] + sandbox.flags
                    )
                }
                #expect(
                    try await eventually(timeout: .seconds(30)) {
                        try await client.eventSubscriptions.list().count == 2
                    }
                )
                let created = try await client.contacts.create(
                    Contact(
                        version: 0,
                        roles: ContactRoles(customer: CustomerRole()),
                        company: Company(name: "Webhook KG")
                    )
                )
                var contact = try await client.contacts.get(created.id)
                contact.note = "geändert"
                _ = try await client.contacts.update(contact, id: created.id)

                let run = try #require(try await tasks.next())
                #expect(run.status == 0, "\(run.errors)")
                #expect(run.errors.contains("watching contact.created, contact.changed at http://127.0.0.1:"))
                let lines = run.output.split(separator: "\n")
                #expect(lines.count == 2)
                let events = try lines.map { try LexofficeJSON.decode(JSONValue.self, from: Data($0.utf8)) }
                #expect(
                    Set(events.compactMap { $0["event"]?["eventType"]?.stringValue }) == [
                        "contact.created", "contact.changed",
                    ]
                )
                #expect(events.allSatisfy { $0["event"]?["resourceId"]?.stringValue == created.id.rawValue })
                #expect(events.allSatisfy { $0["resource"]?["company"]?["name"]?.stringValue == "Webhook KG" })
            }
            #expect(try await client.eventSubscriptions.list().isEmpty, "watch deletes its subscriptions")
        }
    }

    @Test("watch answers a forged callback with 401 and does not print it")
    func forgedCallback() async throws {
        try await TestSandbox.run { sandbox in
            let client = sandbox.client
            try await withThrowingTaskGroup(of: CLIRun.self) { tasks in
                tasks.addTask {
                    await CLIRun.kontor(
                        ["lexoffice", "events", "watch", "--event", "article.created", "--max-events", "1"]
                            + sandbox.flags
                    )
                }
                #expect(
                    try await eventually(timeout: .seconds(30)) {
                        try await client.eventSubscriptions.list().count == 1
                    }
                )
                let callbackURL = try #require(try await client.eventSubscriptions.list().first?.callbackUrl)
                let forger = LexofficeClient(
                    configuration: LexofficeClientConfiguration(
                        baseURL: callbackURL,
                        requestsPerSecond: 0,
                        retryPolicy: .none
                    ),
                    credentials: StaticAPIKey("none"),
                    pacerRegistry: RequestPacerRegistry()
                )
                let forged = try await forger.raw(
                    "POST",
                    path: "",
                    body: Data(
                        #"{"organizationId":"\#(sandbox.defaultOrganizationID)","eventType":"article.created","resourceId":"\#(UUID().uuidString.lowercased())","eventDate":"2026-11-30T12:00:00.000+01:00"}"#
                            .utf8
                    )
                )
                #expect(forged.status == 401)
                _ = try await client.articles.create(
                    Article(
                        title: "Echt",
                        type: .service,
                        unitName: "Stunde",
                        price: ArticlePrice(leadingPrice: .net, taxRate: 19, netPrice: 80)
                    )
                )
                let run = try #require(try await tasks.next())
                #expect(run.status == 0, "\(run.errors)")
                #expect(run.errors.contains("rejected a callback"))
                #expect(run.output.contains("article.created"))
                #expect(run.output.contains("title"))
                #expect(run.output.contains("Echt"))
            }
        }
    }
}
