import Foundation
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import Testing

/// `GET /v1/files/{id}/status` and the "E-Rechnung" feature XML receipts need.
@Suite(.timeLimit(.minutes(1)))
struct FileStatusTests {
    @Test("the upload status is processing while OCR runs and done afterwards; unknown ids are 404")
    func uploadStatus() async throws {
        let configuration = SandboxConfiguration(rateLimit: nil, ocrDuration: .seconds(2))
        try await SandboxHarness.withSandbox(configuration) { server, client in
            let upload = try await client.files.upload(
                try FileUpload(data: Data("%PDF-1.4 status".utf8), fileName: "beleg.pdf")
            )
            let url = server.baseURL + "/files/\(upload.id)/status"
            let running = try await SandboxHarness.send("GET", url, apiKey: server.defaultAPIKey)
            #expect(running.status == 200)
            #expect(running.json?["id"]?.stringValue == upload.id.rawValue)
            #expect(running.json?["voucherId"]?.stringValue == upload.voucherId?.rawValue)
            #expect(running.json?["status"]?.stringValue == "processing")
            #expect(
                try await eventually {
                    try await SandboxHarness.send("GET", url, apiKey: server.defaultAPIKey).json?["status"]
                        == .string("done")
                }
            )
            let unknown = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/files/\(LexofficeID.random())/status",
                apiKey: server.defaultAPIKey
            )
            #expect(unknown.status == 404)
            #expect(unknown.json?["IssueList"] != nil)
        }
    }

    @Test("XML receipts need the E-Rechnung feature: 406 inacceptable_file_extension without it")
    func xmlNeedsEInvoicing() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let xml = try FileUpload(data: Data("<Invoice/>".utf8), fileName: "rechnung.xml")
            #expect(try await SandboxHarness.admin(server, "profile", body: #"{"eInvoicing":false}"#).status == 200)
            let refused = await #expect(throws: LexofficeError.self) { try await client.files.upload(xml) }
            #expect(refused?.status == 406)
            #expect(
                refused?.body
                    == .legacy(issues: [
                        LegacyIssue(i18nKey: "inacceptable_file_extension", source: "file", type: "validation_failure")
                    ])
            )
            #expect(try await SandboxHarness.admin(server, "profile", body: #"{"eInvoicing":true}"#).status == 200)
            #expect(try await client.files.upload(xml).voucherId != nil)
        }
    }
}
