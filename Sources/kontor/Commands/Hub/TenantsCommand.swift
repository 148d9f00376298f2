import ArgumentParser
import Foundation
import KontorCore
import KontorStore

/// `kontor tenants list|create|show`: the hub's client companies.
struct TenantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants",
        abstract: "List, create and show the hub's tenants (client companies).",
        subcommands: [List.self, Create.self, Show.self]
    )

    /// `kontor tenants list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tenants, ordered by id.")

        @OptionGroup var store: StoreOptions
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() async throws {
            let tenants = try await store.withMigratedDatabase { database in
                var all: [Tenant] = []
                var cursor: TenantID?
                while true {
                    let page = try await TenantStore(database: database).list(after: cursor, limit: 500)
                    all += page
                    guard page.count == 500, let last = page.last else { return all }
                    cursor = last.id
                }
            }
            if json {
                Console.current.line(try HubJSON.encode(tenants))
                return
            }
            Console.current.line("ID\tNAME\tACTIVE\tVARIANT")
            for tenant in tenants {
                Console.current.line(
                    "\(tenant.id)\t\(tenant.name)\t\(tenant.isActive ? "yes" : "no")\t\(tenant.settings.transferVariant.rawValue)"
                )
            }
        }
    }

    /// `kontor tenants create ID --name NAME`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a tenant (inactive until activated).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The tenant id: lower-case letters, digits, '-' and '_' (used in URLs).") var id: String
        @Option(help: "The company's name.") var name: String
        @Option(help: "The partner's code for the company.") var companyCode: String?
        @Option(help: "How invoices go to lexoffice: invoice or voucher.") var variant: String = "invoice"
        @Flag(help: "Create lexoffice invoices as drafts instead of finalized.") var drafts = false
        @Flag(help: "Transfer only by bulk export, not when the source saves an invoice.") var noAutoTransfer = false
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard TenantID(id).isValid else {
                throw ValidationError(
                    "tenant id '\(id)' must be 1–64 of a-z, 0-9, '-' and '_', starting with a letter or digit"
                )
            }
            guard TransferVariant(rawValue: variant) != nil else {
                throw ValidationError("--variant must be invoice or voucher, not \(variant)")
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--name must not be empty")
            }
        }

        func run() async throws {
            let now = Date()
            let tenant = Tenant(
                id: TenantID(id),
                name: name,
                companyCode: companyCode,
                settings: TenantSettings(
                    transferVariant: TransferVariant(rawValue: variant) ?? .invoice,
                    finalizeInvoices: !drafts,
                    autoTransfer: !noAutoTransfer
                ),
                createdAt: now,
                updatedAt: now
            )
            let created = try await store.withMigratedDatabase { database in
                try await TenantStore(database: database).create(tenant)
            }
            Console.current.line(json ? try HubJSON.encode(created) : "created tenant \(created.id)")
        }
    }

    /// `kontor tenants show ID`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a tenant and its lexoffice connection.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The tenant id.") var id: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let (tenant, connection) = try await store.withMigratedDatabase { database in
                let tenant = try await TenantStore(database: database).tenant(TenantID(id))
                let connection = try await ConnectionStore.connection(of: TenantID(id), in: database)
                return (tenant, connection)
            }
            guard let tenant else { throw CommandFailure("tenant '\(id)' does not exist", status: .usage) }
            if json {
                Console.current.line(try HubJSON.encode(tenant))
                return
            }
            let console = Console.current
            console.line("id:           \(tenant.id)")
            console.line("name:         \(tenant.name)")
            console.line("company code: \(tenant.companyCode ?? "-")")
            console.line(
                "active:       \(tenant.isActive ? "yes" : "no")\(tenant.activeSince.map { " since \($0)" } ?? "")"
            )
            console.line("variant:      \(tenant.settings.transferVariant.rawValue)")
            console.line("finalize:     \(tenant.settings.finalizeInvoices ? "yes" : "no (drafts)")")
            console.line("auto transfer: \(tenant.settings.autoTransfer ? "on" : "off")")
            console.line(
                "connection:   "
                    + (connection.map { "\($0.kind.rawValue), \($0.status.rawValue), \($0.companyName ?? "-")" }
                        ?? "not connected")
            )
        }
    }
}
