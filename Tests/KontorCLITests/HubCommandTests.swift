import Foundation
import KontorStore
import LexofficeKit
import Logging
import Testing

/// `kontor migrate`, `tenants`, `admin token` and `jobs` against a fresh SQLite file (in process).
@Suite("Hub commands", .timeLimit(.minutes(1)))
struct HubCommandTests {
    private func withDatabase(_ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder.appendingPathComponent("hub.sqlite").path)
    }

    @Test("migrate creates the schema; tenants create, list and show work with --json")
    func tenants() async throws {
        try await withDatabase { database in
            let migrated = await CLIRun.kontor(["migrate", "--database", database])
            #expect(migrated.status == 0)
            let latest = try #require(Migrator.hubSchema.last?.version)
            #expect(
                migrated.output.contains("schema version \(latest) (\(Migrator.hubSchema.count) migrations applied)")
            )
            let created = await CLIRun.kontor([
                "tenants", "create", "acme", "--name", "Acme GmbH", "--variant", "voucher", "--drafts", "--json",
                "--database", database,
            ])
            #expect(created.status == 0, "\(created.errors)")
            let tenant = try created.json()
            #expect(tenant["settings"]?["transferVariant"]?.stringValue == "voucher")
            #expect(tenant["settings"]?["finalizeInvoices"] == .bool(false))
            let list = await CLIRun.kontor(["tenants", "list", "--json", "--database", database])
            #expect(try list.json()[0]?["id"]?.stringValue == "acme")
            let show = await CLIRun.kontor(["tenants", "show", "acme", "--database", database])
            #expect(show.output.contains("Acme GmbH"))
            #expect(show.output.contains("not connected"))
            let again = await CLIRun.kontor(["tenants", "create", "acme", "--name", "Other", "--database", database])
            #expect(again.status == 1)
            #expect(again.errors.contains("exists"))
            #expect(await CLIRun.kontor(["tenants", "show", "nobody", "--database", database]).status == 2)
            #expect(
                await CLIRun.kontor(["tenants", "create", "Bad Id", "--name", "x", "--database", database]).status == 2
            )
        }
    }

    @Test("admin token create prints a token once; a tenant token needs an existing tenant")
    func tokens() async throws {
        try await withDatabase { database in
            let partner = await CLIRun.kontor(["admin", "token", "create", "--database", database])
            #expect(partner.status == 0)
            #expect(partner.output.hasPrefix("kt_"))
            #expect(partner.errors.contains("shown only now"))
            let unknown = await CLIRun.kontor([
                "admin", "token", "create", "--tenant", "nobody", "--database", database,
            ])
            #expect(unknown.status == 2)
        }
    }

    @Test("admin token list shows every token without its secret; revoke revokes one, and refuses an unknown id")
    func listAndRevokeTokens() async throws {
        try await withDatabase { database in
            let partner = await CLIRun.kontor(["admin", "token", "create", "--name", "ops", "--database", database])
            let token = partner.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let id = String(try #require(token.dropFirst("kt_".count).split(separator: ".").first))
            #expect(
                await CLIRun.kontor(["tenants", "create", "acme", "--name", "Acme", "--database", database]).status == 0
            )
            let source = await CLIRun.kontor([
                "admin", "token", "create", "--tenant", "acme", "--name", "practice software", "--database", database,
            ])
            #expect(source.status == 0)

            let table = await CLIRun.kontor(["admin", "token", "list", "--database", database])
            #expect(table.status == 0)
            let rows = table.output.split(separator: "\n")
            #expect(rows.first == "ID\tNAME\tSCOPE\tCREATED\tREVOKED")
            #expect(rows.count == 3)
            #expect(rows[1].hasPrefix("\(id)\tops\tpartner\t") && rows[1].hasSuffix("\t-"))
            #expect(rows[2].contains("\tpractice software\ttenant acme\t"))
            #expect(!table.output.contains(token.split(separator: ".")[1]), "never a secret")

            let revoked = await CLIRun.kontor(["admin", "token", "revoke", id, "--database", database])
            #expect(revoked.status == 0)
            #expect(revoked.output == "token \(id) revoked\n")
            let again = await CLIRun.kontor(["admin", "token", "revoke", id, "--database", database])
            #expect(again.output == "token \(id) was already revoked\n")
            let unknown = await CLIRun.kontor(["admin", "token", "revoke", "nosuchtoken", "--database", database])
            #expect(unknown.status == 2)
            #expect(unknown.errors.contains("there is no API token 'nosuchtoken'"))

            let listing = try await CLIRun.kontor(["admin", "token", "list", "--json", "--database", database]).json()
            #expect(listing[0]?["id"]?.stringValue == id)
            #expect(listing[0]?["scope"]?.stringValue == "partner")
            #expect(listing[0]?["revokedAt"]?.stringValue != nil)
            #expect(listing[1]?["tenant"]?.stringValue == "acme")
            #expect(listing[1]?["revokedAt"] == .null)
            #expect(listing[1]?["token"] == nil)
            let scope = try await withStoreDatabase(.sqlite(path: database), logger: Logger(label: "test")) {
                database in
                try await APITokenStore(database: database).authenticate(token)
            }
            #expect(scope == nil, "the revoked token is refused")
        }
    }

    @Test("jobs list validates its filters and retry refuses an unknown job")
    func jobs() async throws {
        try await withDatabase { database in
            let empty = await CLIRun.kontor(["jobs", "list", "--json", "--database", database])
            #expect(empty.status == 0)
            let listing = try empty.json()
            #expect(listing == .array([]))
            #expect(await CLIRun.kontor(["jobs", "list", "--state", "lost", "--database", database]).status == 2)
            let retry = await CLIRun.kontor(["jobs", "retry", "42", "--database", database])
            #expect(retry.status == 2)
            #expect(retry.errors.contains("does not exist"))
        }
    }

    @Test("an unusable database URL is a usage error")
    func badDatabase() async {
        let run = await CLIRun.kontor(["tenants", "list", "--database", "mysql://localhost/kontor"])
        #expect(run.status == 2)
        #expect(run.errors.contains("unsupported database URL scheme"))
    }

    @Test(
        "kontor serve refuses invalid settings before starting, naming the key",
        arguments: [
            (["--port", "70000"], "http.port"),
            (["--database", "mysql://localhost/kontor"], "database.url"),
            (["--lexoffice-url", "https://api.lexware.io/v1"], "lexoffice.webhook.key.file"),
            (["--public-url", "ftp://hub.example"], "public.url"),
        ]
    )
    func serveConfiguration(arguments: [String], key: String) async {
        let run = await CLIRun.kontor(["serve", "--config", "/nonexistent/kontor.json"] + arguments)
        #expect(run.status == 2)
        #expect(run.errors.contains("configuration \(key):"), "\(run.errors)")
    }
}
