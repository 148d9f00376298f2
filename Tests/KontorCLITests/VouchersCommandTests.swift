import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `kontor lexoffice vouchers …` against an in-process sandbox.
@Suite(.timeLimit(.minutes(1)))
struct VouchersCommandTests {
    private static let voucherJSON = TestSandbox.fixture("voucher-create.json")

    @Test("create a bookkeeping voucher from the documented sample with flags, attach a receipt, read it back")
    func createAndAttach() async throws {
        try await TestSandbox.run { sandbox in
            let receipt = FileManager.default.temporaryDirectory.appendingPathComponent("beleg-\(UUID()).pdf")
            try Data("%PDF-1.4 receipt".utf8).write(to: receipt)
            defer { try? FileManager.default.removeItem(at: receipt) }
            let created = await CLIRun.kontor(
                [
                    "lexoffice", "vouchers", "create", "--data", "@" + Self.voucherJSON, "--number", "CLI-1",
                    "--remark", "von der Kommandozeile", "--attach", receipt.path, "--json",
                ] + sandbox.flags
            )
            #expect(created.status == 0, "\(created.errors)")
            #expect(created.errors.contains("attached"))
            let id = try #require(try created.json()["id"]?.stringValue)

            let fetched = try await CLIRun.kontor(["lexoffice", "vouchers", "get", id, "--json"] + sandbox.flags).json()
            #expect(fetched["voucherNumber"]?.stringValue == "CLI-1")
            #expect(fetched["remark"]?.stringValue == "von der Kommandozeile")
            #expect(fetched["files"]?.elements.count == 1)

            let second = FileManager.default.temporaryDirectory.appendingPathComponent("zweit-\(UUID()).pdf")
            try Data("%PDF-1.4 second".utf8).write(to: second)
            defer { try? FileManager.default.removeItem(at: second) }
            let attached = await CLIRun.kontor(
                ["lexoffice", "vouchers", "attach-file", id, second.path, "--json"] + sandbox.flags
            )
            #expect(attached.status == 0, "\(attached.errors)")
            #expect(try attached.json()["id"]?.stringValue != nil)
            #expect(try await sandbox.client.vouchers.get(try LexofficeID(id)).files?.count == 2)
        }
    }

    @Test("search by number and list with type, status, archived, sort and limit")
    func listAndSearch() async throws {
        try await TestSandbox.run { sandbox in
            for number in ["B-2", "B-1", "B-3"] {
                let run = await CLIRun.kontor(
                    ["lexoffice", "vouchers", "create", "--data", "@" + Self.voucherJSON, "--number", number]
                        + sandbox.flags
                )
                #expect(run.status == 0, "\(run.errors)")
            }
            let found = try await CLIRun.kontor(
                ["lexoffice", "vouchers", "search", "--number", "B-3", "--json"] + sandbox.flags
            ).json()
            #expect(found.elements.map { $0["voucherNumber"]?.stringValue } == ["B-3"])

            let sorted = try await CLIRun.kontor(
                [
                    "lexoffice", "vouchers", "list", "--type", "salesinvoice", "--status", "open,paid", "--archived",
                    "false", "--sort", "voucherNumber,desc", "--limit", "2", "--json",
                ] + sandbox.flags
            ).json()
            #expect(sorted.elements.map { $0["voucherNumber"]?.stringValue } == ["B-3", "B-2"])

            let none = try await CLIRun.kontor(
                ["lexoffice", "vouchers", "list", "--type", "purchaseinvoice", "--json"] + sandbox.flags
            ).json()
            #expect(none.elements.isEmpty)

            let table = await CLIRun.kontor(["lexoffice", "vouchers", "list"] + sandbox.flags)
            #expect(table.output.hasPrefix("TYPE"))
            #expect(table.output.contains("salesinvoice"))
            #expect(table.output.contains("2025-03-02"))
        }
    }

    @Test("a bad sort, date or voucher is reported with the right exit code")
    func failures() async throws {
        try await TestSandbox.run { sandbox in
            let sort = await CLIRun.kontor(["lexoffice", "vouchers", "list", "--sort", "amount"] + sandbox.flags)
            #expect(sort.status == 2)
            let date = await CLIRun.kontor(["lexoffice", "vouchers", "list", "--from", "30.11.2026"] + sandbox.flags)
            #expect(date.status == 2)
            let invalid = await CLIRun.kontor(
                ["lexoffice", "vouchers", "create", "--data", "@" + Self.voucherJSON, "--type", "quittung"]
                    + sandbox.flags
            )
            #expect(invalid.status == 3)
            #expect(invalid.errors.contains("field type"))
        }
    }

    @Test("update merges a patch and flags into the current voucher; a stale --if-version fails (exit 3)")
    func update() async throws {
        try await TestSandbox.run { sandbox in
            let created = await CLIRun.kontor(
                ["lexoffice", "vouchers", "create", "--data", "@" + Self.voucherJSON, "--json"] + sandbox.flags
            )
            let id = try #require(try created.json()["id"]?.stringValue)
            let updated = await CLIRun.kontor(
                ["lexoffice", "vouchers", "update", id, "--number", "U-1", "--data", #"{"remark": null}"#]
                    + sandbox.flags
            )
            #expect(updated.status == 0, "\(updated.errors)")
            let voucher = try await sandbox.client.vouchers.get(try LexofficeID(id))
            #expect(voucher.voucherNumber == "U-1")
            #expect(voucher.remark == nil)
            let stale = await CLIRun.kontor(
                ["lexoffice", "vouchers", "update", id, "--remark", "x", "--if-version", "1"] + sandbox.flags
            )
            #expect(stale.status == 3)
            #expect(stale.errors.contains("version-conflict"))
        }
    }
}
