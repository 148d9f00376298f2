import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `kontor lexoffice files upload|download` against an in-process sandbox.
@Suite(.timeLimit(.minutes(1)))
struct FilesCommandTests {
    @Test("an uploaded receipt creates a voucher and downloads byte for byte")
    func uploadAndDownload() async throws {
        try await TestSandbox.run { sandbox in
            let receipt = FileManager.default.temporaryDirectory.appendingPathComponent("tankbeleg-\(UUID()).pdf")
            defer { try? FileManager.default.removeItem(at: receipt) }
            let bytes = Data("%PDF-1.4 Tankbeleg \(UUID())".utf8)
            try bytes.write(to: receipt)
            let uploaded = try await CLIRun.kontor(
                ["lexoffice", "files", "upload", receipt.path, "--json"] + sandbox.flags
            )
            .json()
            let fileID = try #require(uploaded["id"]?.stringValue)
            #expect(uploaded["voucherId"]?.stringValue != nil)

            let target = FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID()).pdf")
            defer { try? FileManager.default.removeItem(at: target) }
            let download = await CLIRun.kontor(
                ["lexoffice", "files", "download", fileID, "-o", target.path] + sandbox.flags
            )
            #expect(download.status == 0, "\(download.errors)")
            #expect(try Data(contentsOf: target) == bytes)
        }
    }

    @Test("a file lexoffice would not accept is refused before sending (exit 2)")
    func rejectedLocally() async throws {
        try await TestSandbox.run { sandbox in
            let text = FileManager.default.temporaryDirectory.appendingPathComponent("notiz-\(UUID()).txt")
            defer { try? FileManager.default.removeItem(at: text) }
            try Data("hallo".utf8).write(to: text)
            let run = await CLIRun.kontor(["lexoffice", "files", "upload", text.path] + sandbox.flags)
            #expect(run.status == 2)
            #expect(run.errors.contains("extensions pdf"))
            let missing = await CLIRun.kontor(
                ["lexoffice", "files", "upload", "/nonexistent/beleg.pdf"] + sandbox.flags
            )
            #expect(missing.status == 2)
        }
    }
}
