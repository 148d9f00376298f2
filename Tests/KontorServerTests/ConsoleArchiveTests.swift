import Foundation
import KontorCore
import KontorFlows
import KontorStore
import Testing

/// The archive section's forms in the console (issue 25): settings with write-only secrets, validation next to each
/// field, the DMS stamp's secret key and a backfill with its progress; over real HTTP against the sandbox.
@Suite("Web console: archive", .timeLimit(.minutes(2)))
struct ConsoleArchiveTests {
    private typealias Archive = ArchiveFlowTests

    /// The tenant's stored archive settings, secrets included.
    private static func stored(_ hub: HubHarness) async throws -> ArchiveSettings? {
        try await ArchiveStore(queue: JobQueue(database: hub.database), secrets: hub.secrets)
            .settings(of: TenantID("acme"))
    }

    private static func settingsForm(folder: URL, s3Secret: String) -> [(String, String)] {
        [
            ("active", "true"), ("activeSince", "2026-02-01"), ("documentTypes", "invoice"),
            ("documentTypes", "creditnote"), ("filesystem", "true"), ("filesystem.path", folder.path),
            ("s3", "true"), ("s3.endpoint", "http://127.0.0.1:9"), ("s3.region", "eu-central-1"),
            ("s3.bucket", "belege"), ("s3.accessKeyId", "AKIDEXAMPLE"), ("s3.secretAccessKey", s3Secret),
            ("webdav", ""), ("webdav.url", ""),
        ]
    }

    @Test("the settings are saved from the page; a secret is never shown and an empty secret field keeps it")
    func settingsForm() async throws {
        try await Archive.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                try await InvoiceTransferTests.connectedTenant(hub)
                let client = try await ConsoleTests.signedIn(hub)
                defer { Task { try? await client.shutdown() } }
                let empty = try await client.get("/ui/tenants/acme/archive")
                #expect(empty.body.contains("Archiv einrichten") && empty.body.contains("Noch kein Schlüssel"))

                let saved = try await client.post(
                    "/ui/tenants/acme/archive",
                    Self.settingsForm(folder: folder, s3Secret: "wJalrXUtnFEMI-secret")
                )
                #expect(saved.location == "/ui/tenants/acme/archive?notice=archiveSaved", "\(saved.location ?? "-")")
                var settings = try #require(try await Self.stored(hub))
                #expect(settings.isActive && settings.documentTypes == [.invoice, .creditNote])
                #expect(settings.sinks.map(\.type) == [.filesystem, .s3])
                #expect(settings.sinks.last?.secretAccessKey == "wJalrXUtnFEMI-secret")
                let activeSince = try #require(settings.activeSince)
                #expect(activeSince == Date(timeIntervalSince1970: 1_769_900_400), "midnight in Berlin")

                let page = try await client.get("/ui/tenants/acme/archive")
                #expect(!page.body.contains("wJalrXUtnFEMI-secret"), "a secret is never read back")
                #expect(page.body.contains("value=\"belege\"") && page.body.contains("value=\"\(folder.path)\""))
                #expect(page.body.contains("Gespeichert. Leer lassen, um es zu behalten"))
                #expect(page.body.contains("value=\"2026-02-01\""))

                let again = try await client.post(
                    "/ui/tenants/acme/archive",
                    Self.settingsForm(folder: folder, s3Secret: "")
                )
                #expect(again.location == "/ui/tenants/acme/archive?notice=archiveSaved")
                settings = try #require(try await Self.stored(hub))
                #expect(settings.sinks.last?.secretAccessKey == "wJalrXUtnFEMI-secret", "an empty field keeps it")

                let off = try await client.post(
                    "/ui/tenants/acme/archive",
                    [("documentTypes", "invoice"), ("filesystem", "true"), ("filesystem.path", folder.path)]
                )
                #expect(off.location == "/ui/tenants/acme/archive?notice=archiveSaved")
                settings = try #require(try await Self.stored(hub))
                #expect(!settings.isActive && settings.sinks.map(\.type) == [.filesystem])
                #expect(settings.activeSince == activeSince, "the start day stays")
            }
        }
    }

    @Test("invalid settings are refused and each invalid field is marked next to it")
    func validation() async throws {
        try await HubHarness.with(lexofficeRate: 1000) { hub in
            try await InvoiceTransferTests.connectedTenant(hub)
            let client = try await ConsoleTests.signedIn(hub)
            defer { Task { try? await client.shutdown() } }
            _ = try await client.get("/ui/tenants/acme/archive")
            let refused = try await client.post(
                "/ui/tenants/acme/archive",
                [
                    ("active", "true"), ("filesystem", "true"), ("filesystem.path", "relative/folder"),
                    ("s3", "true"), ("s3.endpoint", "http://127.0.0.1:9"), ("s3.region", "eu-central-1"),
                ],
                headers: ["Referer": hub.baseURL + "/ui/tenants/acme/archive"]
            )
            let location = try #require(refused.location)
            #expect(location.hasPrefix("/ui/tenants/acme/archive?error=validation-failed&fields="), "\(location)")
            let fields = Set(
                location.components(separatedBy: "fields=").last?.split(separator: ",").map(String.init) ?? []
            )
            #expect(
                fields == ["documentTypes", "filesystem.path", "s3.bucket", "s3.accessKeyId", "s3.secretAccessKey"],
                "\(fields)"
            )
            #expect(try await Self.stored(hub) == nil, "nothing saved")
            let page = try await client.get(location)
            #expect(page.body.contains("Bitte prüfen Sie die Eingaben"))
            #expect(page.body.contains(#"id="archive-fs-path" name="filesystem.path" value="" aria-invalid="true""#))
            #expect(page.body.contains(#"id="archive-s3-bucket" name="s3.bucket" value="" aria-invalid="true""#))
            #expect(page.body.contains("Ein absoluter Pfad (beginnt mit /)"))
            #expect(page.body.contains("Wählen Sie mindestens eine Belegart."))
            #expect(!page.body.contains(#"id="archive-s3-region" name="s3.region" value="" aria-invalid"#))

            let badDay = try await client.post("/ui/tenants/acme/archive", [("activeSince", "1. Februar")])
            #expect(badDay.location?.hasSuffix("error=validation-failed&fields=activeSince") == true)
        }
    }

    @Test("the DMS stamp's secret key is made from the page and shown once; backfill runs from the page")
    func stampSecretAndBackfill() async throws {
        try await Archive.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                try await InvoiceTransferTests.connectedTenant(hub)
                let client = try await ConsoleTests.signedIn(hub)
                defer { Task { try? await client.shutdown() } }
                _ = try await client.get("/ui/tenants/acme/archive")
                let early = try await client.post("/ui/tenants/acme/archive/stamp-secret")
                #expect(early.location?.contains("error=archive-not-configured") == true, "\(early.location ?? "-")")
                let inactive = try await client.post(
                    "/ui/tenants/acme/archive/backfill",
                    [("from", "2026-01-01"), ("to", "2026-12-31")]
                )
                #expect(inactive.location?.contains("error=archive-inactive") == true)

                _ = try await client.post(
                    "/ui/tenants/acme/archive",
                    [
                        ("active", "true"), ("documentTypes", "invoice"), ("filesystem", "true"),
                        ("filesystem.path", folder.path),
                    ]
                )
                let shown = try await client.post("/ui/tenants/acme/archive/stamp-secret")
                #expect(shown.status == 200 && shown.body.contains("Neuer Schlüssel für den DMS-Stempel"))
                let secret = try #require(
                    shown.body.components(separatedBy: #"class="secret" readonly value=""#).dropFirst().first?
                        .split(separator: "\"").first.map(String.init)
                )
                let archive = ArchiveStore(queue: JobQueue(database: hub.database), secrets: hub.secrets)
                #expect(try await archive.isStampSecret(secret, of: TenantID("acme")))
                let page = try await client.get("/ui/tenants/acme/archive")
                #expect(page.body.contains("Ein Schlüssel ist eingerichtet") && !page.body.contains(secret))

                let backwards = try await client.post(
                    "/ui/tenants/acme/archive/backfill",
                    [("from", "2026-12-31"), ("to", "2026-01-01")],
                    headers: ["Referer": hub.baseURL + "/ui/tenants/acme/archive"]
                )
                #expect(backwards.location?.hasSuffix("error=validation-failed&fields=to") == true)
                let marked = try await client.get(try #require(backwards.location))
                #expect(marked.body.contains(#"id="backfill-to" name="to" type="date" required aria-invalid="true""#))

                let day = Date().addingTimeInterval(-86_400 * 30)
                _ = try await Archive.invoice(hub, day: day)
                _ = try await Archive.invoice(hub, day: day)
                let today = ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withFullDate])
                let started = try await client.post(
                    "/ui/tenants/acme/archive/backfill",
                    [("from", "2020-01-01"), ("to", today)]
                )
                #expect(started.location == "/ui/tenants/acme/archive?notice=backfillStarted")
                #expect(try await hub.runWorkers { try await Archive.items(hub, state: "archived").count == 2 })
                let done = try await client.get("/ui/tenants/acme/archive")
                #expect(done.body.contains("fertig: 2 Belege eingereiht"), "the backfill's progress")
            }
        }
    }

    @Test("a second sink of a kind, set up through the API, is kept with its secret when the page saves")
    func keptSinks() async throws {
        try await Archive.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                let second = folder.appendingPathComponent("second")
                try await Archive.archivingTenant(
                    hub,
                    into: folder,
                    sinks: """
                        {"type":"filesystem","path":"\(folder.path)"},{"type":"filesystem","path":"\(second.path)"},\
                        {"type":"webdav","url":"http://127.0.0.1:9/dav/","username":"u","password":"geheim"}
                        """
                )
                let client = try await ConsoleTests.signedIn(hub)
                defer { Task { try? await client.shutdown() } }
                let page = try await client.get("/ui/tenants/acme/archive")
                #expect(page.body.contains("Weitere Ziele derselben Art"))
                let saved = try await client.post(
                    "/ui/tenants/acme/archive",
                    [
                        ("active", "true"), ("documentTypes", "invoice"), ("filesystem", "true"),
                        ("filesystem.path", folder.path), ("webdav", "true"),
                        ("webdav.url", "http://127.0.0.1:9/dav/"), ("webdav.username", "u"),
                        ("webdav.password", ""),
                    ]
                )
                #expect(saved.location == "/ui/tenants/acme/archive?notice=archiveSaved", "\(saved.location ?? "-")")
                let settings = try #require(try await Self.stored(hub))
                #expect(settings.sinks.map(\.path) == [folder.path, nil, second.path])
                #expect(settings.sinks.map(\.type) == [.filesystem, .webdav, .filesystem])
                #expect(settings.sinks[1].password == "geheim")
            }
        }
    }

    @Test("a tenant user sees the archive but cannot change it")
    func tenantUser() async throws {
        try await HubHarness.with(lexofficeRate: 1000) { hub in
            try await InvoiceTransferTests.connectedTenant(hub)
            let client = try await ConsoleTests.signedIn(hub, as: "buchhaltung@acme", scope: .tenant(TenantID("acme")))
            defer { Task { try? await client.shutdown() } }
            let page = try await client.get("/ui/tenants/acme/archive")
            #expect(page.status == 200 && !page.body.contains("Archiv speichern"))
            let refused = try await client.post("/ui/tenants/acme/archive", [("active", "true")])
            #expect(refused.location?.contains("error=forbidden") == true)
            #expect(try await Self.stored(hub) == nil)
        }
    }
}
