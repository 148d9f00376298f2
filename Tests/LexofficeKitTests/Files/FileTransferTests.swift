import Foundation
import KontorTestSupport
import LexofficeKit
import MultipartKit
import NIOCore
import Testing

@Suite(.timeLimit(.minutes(1)))
struct FileTransferTests {
    private struct UploadForm: Decodable {
        var file: Data
        var type: String?
    }

    @Test("an upload is multipart form data with the file name, its content type and the upload type")
    func upload() async throws {
        let pdf = Data("%PDF-1.4\r\n--not-a-boundary\r\n%%EOF".utf8)
        let reply = ScriptedHTTPServer.Reply.json(
            202,
            #"{"id":"6d5c4b3a-2918-4f7e-8d6c-5b4a39281706","voucherId":"e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b"}"#
        )
        try await ScriptedHTTPServer.withServer(.replying { _ in reply }) { server in
            let result = try await TestClients.client(for: server).files.upload(
                try FileUpload(data: pdf, fileName: "beleg-0815.pdf")
            )
            #expect(result.id.rawValue == "6d5c4b3a-2918-4f7e-8d6c-5b4a39281706")
            #expect(result.voucherId?.rawValue == "e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b")
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.path == "/v1/files")
            let contentType = try #require(request.header("Content-Type"))
            #expect(contentType.hasPrefix("multipart/form-data; boundary="))
            let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))

            let form = try FormDataDecoder().decode(UploadForm.self, from: request.body, boundary: boundary)
            #expect(form.file == pdf)
            #expect(form.type == "voucher")

            let parts = try IndependentMultipartParser.parts(request.body, boundary: boundary)
            let filePart = try #require(parts.first)
            #expect(filePart.headers["Content-Disposition"]?.contains(#"filename="beleg-0815.pdf""#) == true)
            #expect(filePart.headers["Content-Type"] == "application/pdf")
        }
    }

    @Test("a file attached to a voucher needs no type part")
    func attach() async throws {
        try await ScriptedHTTPServer.withServer(
            .replying { _ in .json(202, #"{"id":"6d5c4b3a-2918-4f7e-8d6c-5b4a39281706"}"#) }
        ) { server in
            let voucherID = try LexofficeID("e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b")
            let upload = try FileUpload(data: Data([0x89, 0x50, 0x4E, 0x47]), fileName: "scan.PNG")
            #expect(upload.contentType == "image/png")
            _ = try await TestClients.client(for: server).vouchers.attachFile(upload, to: voucherID)
            let request = try #require(server.requests.first)
            #expect(request.path == "/v1/vouchers/e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b/files")
            let boundary = String(try #require(request.header("Content-Type")).split(separator: "=").last ?? "")
            let parts = try IndependentMultipartParser.parts(request.body, boundary: boundary)
            #expect(parts.count == 1)
            #expect(parts.first?.body == [0x89, 0x50, 0x4E, 0x47])
        }
    }

    @Test("downloads send the chosen Accept and return bytes, content type and file name")
    func download() async throws {
        let xml = Array("<Invoice/>".utf8)
        let reply = ScriptedHTTPServer.Reply.respond(
            status: 200,
            headers: [
                ("Content-Type", "application/xml"), ("Content-Disposition", #"attachment; filename="RE0042.xml""#),
            ],
            body: xml
        )
        try await ScriptedHTTPServer.withServer(.replying { _ in reply }) { server in
            let client = TestClients.client(for: server)
            let id = try LexofficeID("c3a1f7e2-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
            let file = try await client.invoices.file(id, format: .xml)
            #expect(file.data == Data(xml))
            #expect(file.contentType == "application/xml")
            #expect(file.fileName == "RE0042.xml")
            _ = try await client.files.download(id, format: .pdf)
            _ = try await client.creditNotes.file(id)
            #expect(server.requests.map { $0.header("Accept") } == ["application/xml", "application/pdf", "*/*"])
            #expect(
                server.requests.map(\.path) == [
                    "/v1/invoices/\(id)/file", "/v1/files/\(id)", "/v1/credit-notes/\(id)/file",
                ]
            )
        }
    }

    @Test("RFC 5987 file names are preferred and percent-decoded")
    func encodedFileName() async throws {
        let reply = ScriptedHTTPServer.Reply.respond(
            status: 200,
            headers: [
                (
                    "Content-Disposition",
                    #"attachment; filename="fallback.pdf"; filename*=UTF-8''Gutschrift%20%C3%9Cbersicht.pdf"#
                )
            ],
            body: [1]
        )
        try await ScriptedHTTPServer.withServer(.replying { _ in reply }) { server in
            let file = try await TestClients.client(for: server).files.download(
                try LexofficeID("c3a1f7e2-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
            )
            #expect(file.fileName == "Gutschrift Übersicht.pdf")
        }
    }

    @Test("a draft's file is a 409 conflict")
    func draftFile() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .fixture("error-regular-406.json", status: 409) }) {
            server in
            let error = await #expect(throws: LexofficeError.self) {
                try await TestClients.client(for: server).quotations.file(
                    try LexofficeID("c3a1f7e2-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
                )
            }
            #expect(error?.code == .conflict)
        }
    }
}

/// A multipart parser independent of LexofficeKit's encoder, built on multipart-kit's parser.
enum IndependentMultipartParser {
    struct Part {
        var headers: [String: String] = [:]
        var body: [UInt8] = []
    }

    static func parts(_ body: [UInt8], boundary: String) throws -> [Part] {
        var parts: [Part] = []
        var current = Part()
        let parser = MultipartKit.MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in current.headers[name] = value }
        parser.onBody = { buffer in current.body += buffer.readableBytesView }
        parser.onPartComplete = {
            parts.append(current)
            current = Part()
        }
        try parser.execute(body)
        return parts
    }
}
