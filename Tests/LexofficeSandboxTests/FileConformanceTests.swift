import AsyncHTTPClient
import Foundation
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Testing

/// `/v1/files` and `POST /v1/vouchers/{id}/files` through LexofficeKit and raw HTTP: upload rules, the voucher an
/// upload creates, deduplication, attachments and the download `Accept` matrix.
@Suite(.timeLimit(.minutes(1)))
struct FileConformanceTests {
    /// Bytes that start like a PDF.
    static let pdf = Data("%PDF-1.4\n% Beleg 0815\n".utf8)
    /// A PNG signature plus bytes that look like multipart syntax (CRLF, dashes) to exercise the parser.
    static let png = Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF, 0x0D, 0x0A,
    ])
    static let xml = Data(#"<?xml version="1.0"?><Invoice>R-1</Invoice>"#.utf8)

    @Test("an upload answers 202 {id, voucherId} and creates a purchase voucher that is unchecked after OCR")
    func upload() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let raw = try await RawUpload.send(
                server,
                path: "/files",
                parts: [.file("beleg-0815.pdf", Self.pdf), .field("type", "voucher")]
            )
            #expect(raw.status == 202)
            guard case .object(let members)? = raw.json else {
                Issue.record("expected a JSON object, got \(raw.text)")
                return
            }
            #expect(Set(members.keys) == ["id", "voucherId"])
            let voucherID = try LexofficeID(try #require(members["voucherId"]?.stringValue))
            let fileID = try LexofficeID(try #require(members["id"]?.stringValue))

            let uploaded = try await client.vouchers.get(voucherID)
            #expect(uploaded.voucherStatus == .blank, "OCR has not finished yet (configured to take 1 s)")
            #expect(try await eventually { try await client.vouchers.get(voucherID).voucherStatus == .unchecked })
            let voucher = try await client.vouchers.get(voucherID)
            #expect(voucher.type == .purchaseInvoice)
            #expect(voucher.files == [fileID])
            #expect(voucher.organizationId == server.defaultOrganizationID)

            let viaSDK = try await client.files.upload(try FileUpload(data: Self.png, fileName: "quittung.png"))
            #expect(viaSDK.voucherId != nil && viaSDK.voucherId != voucherID)

            let quotedName = try await RawUpload.send(
                server,
                path: "/files",
                parts: [.file("Rechnung; Mai.pdf", Data("%PDF-1.4 Mai".utf8)), .field("type", "voucher")]
            )
            #expect(quotedName.status == 202, "a ';' inside the quoted file name is part of the name")
        }
    }

    @Test("the same content uploaded again answers the existing ids and creates nothing")
    func uploadDeduplication() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let first = try await client.files.upload(try FileUpload(data: Self.pdf, fileName: "a.pdf"))
            let again = try await client.files.upload(try FileUpload(data: Self.pdf, fileName: "renamed.pdf"))
            #expect(again == first)
            let other = try await client.files.upload(
                try FileUpload(data: Self.pdf + Data("x".utf8), fileName: "a.pdf")
            )
            #expect(other.id != first.id)
            #expect(other.voucherId != first.voucherId)
        }
    }

    @Test("a file over 5 MB: the SDK refuses before sending, a raw upload gets 406; 5 MB exactly is accepted")
    func sizeLimit() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let limit = 5 * 1024 * 1024
            let tooLarge = Data(repeating: 0x25, count: limit + 1)
            let error = await #expect(throws: LexofficeError.self) {
                try await client.files.upload(try FileUpload(data: tooLarge, fileName: "gross.pdf"))
            }
            #expect(error?.code == .invalidArgument)
            let journal = try await SandboxHarness.send(
                "GET",
                server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/requests"),
                apiKey: nil
            )
            #expect(journal.json == .array([]), "nothing reached the sandbox")

            let raw = try await RawUpload.send(
                server,
                path: "/files",
                parts: [.file("gross.pdf", tooLarge), .field("type", "voucher")]
            )
            #expect(raw.status == 406)
            #expect(RawUpload.issues(raw.json).contains { $0["source"] == .string("file") })

            let exact = try await RawUpload.send(
                server,
                path: "/files",
                parts: [.file("genau.pdf", Data(repeating: 0x25, count: limit)), .field("type", "voucher")]
            )
            #expect(exact.status == 202)
        }
    }

    @Test(
        "upload errors: missing or other type 400 as a bare string, no file 500, bad extension 406, not multipart 415"
    )
    func uploadErrors() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            for parts in [
                [RawUpload.Part.file("a.pdf", Self.pdf)], [.file("a.pdf", Self.pdf), .field("type", "invoice")],
            ] {
                let raw = try await RawUpload.send(server, path: "/files", parts: parts)
                #expect(raw.status == 400)
                #expect(raw.text == #""Invalid or missing upload type.""#)
                #expect(raw.json == .string("Invalid or missing upload type."))
            }
            let noFile = try await RawUpload.send(server, path: "/files", parts: [.field("type", "voucher")])
            #expect(noFile.status == 500)
            #expect(RawUpload.issues(noFile.json).first?["i18nKey"] == .string("technical_error"))

            for name in ["beleg.docx", "beleg", "beleg.pdf.exe"] {
                let raw = try await RawUpload.send(
                    server,
                    path: "/files",
                    parts: [.file(name, Self.pdf), .field("type", "voucher")]
                )
                #expect(raw.status == 406, "\(name)")
                #expect(RawUpload.issues(raw.json).first?["i18nKey"] == .string("inacceptable_file_extension"))
            }
            let json = try await SandboxHarness.send(
                "POST",
                server.baseURL + "/files",
                apiKey: server.defaultAPIKey,
                body: #"{"type":"voucher"}"#
            )
            #expect(json.status == 415)
            #expect(RawUpload.issues(json.json).isEmpty == false)
        }
    }

    @Test("attaching to a voucher answers 202 {id}, dedupes per voucher, bumps the version; unknown voucher 404")
    func attach() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let created = try await VoucherConformanceTests.post(
                try VoucherConformanceTests.fixture("voucher-create.json"),
                to: server
            )
            let voucherID = try VoucherConformanceTests.createdID(created)
            let raw = try await RawUpload.send(
                server,
                path: "/vouchers/\(voucherID)/files",
                parts: [.file("rechnung.pdf", Self.pdf)]
            )
            #expect(raw.status == 202)
            guard case .object(let members)? = raw.json else {
                Issue.record("expected a JSON object, got \(raw.text)")
                return
            }
            #expect(Set(members.keys) == ["id"])
            let fileID = try LexofficeID(try #require(members["id"]?.stringValue))

            let again = try await client.vouchers.attachFile(
                try FileUpload(data: Self.pdf, fileName: "x.pdf"),
                to: voucherID
            )
            #expect(again.id == fileID)
            #expect(again.voucherId == nil)
            let image = try await client.vouchers.attachFile(
                try FileUpload(data: Self.png, fileName: "x.png"),
                to: voucherID
            )
            let voucher = try await client.vouchers.get(voucherID)
            #expect(voucher.files == [fileID, image.id])
            #expect(voucher.version == 3)

            let error = await #expect(throws: LexofficeError.self) {
                try await client.vouchers.attachFile(try FileUpload(data: Self.pdf, fileName: "x.pdf"), to: .random())
            }
            #expect(error?.code == .notFound)
        }
    }

    @Test("a PUT that leaves a file id out deletes that file")
    func putDeletesFiles() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let voucherID = try VoucherConformanceTests.createdID(
                try await VoucherConformanceTests.post(
                    try VoucherConformanceTests.fixture("voucher-create.json"),
                    to: server
                )
            )
            let kept = try await client.vouchers.attachFile(
                try FileUpload(data: Self.pdf, fileName: "a.pdf"),
                to: voucherID
            )
            let dropped = try await client.vouchers.attachFile(
                try FileUpload(data: Self.png, fileName: "b.png"),
                to: voucherID
            )
            var voucher = try await client.vouchers.get(voucherID)
            voucher.files = [kept.id]
            _ = try await client.vouchers.update(voucher, id: voucherID)
            #expect(try await client.vouchers.get(voucherID).files == [kept.id])
            #expect(try await client.files.download(kept.id).data == Self.pdf)
            let error = await #expect(throws: LexofficeError.self) { try await client.files.download(dropped.id) }
            #expect(error?.code == .notFound)
        }
    }

    @Test("downloads follow the bookkeeping Accept matrix and are named {id}.{ext}")
    func downloadAcceptMatrix() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let pdf = try await client.files.upload(try FileUpload(data: Self.pdf, fileName: "beleg.pdf"))
            let raw = try await RawUpload.download(server, id: pdf.id, accept: "*/*")
            #expect(raw.status == 200)
            #expect(raw.data == Self.pdf)
            #expect(raw.headers["content-type"] == "application/pdf")
            #expect(raw.headers["content-length"] == String(Self.pdf.count))
            #expect(raw.headers["content-disposition"] == "attachment; filename=\"\(pdf.id).pdf\"")
            for accept in ["application/pdf", "image/png", "image/jpeg", "application/*"] {
                let download = try await client.files.download(pdf.id, format: DownloadFormat(mediaType: accept))
                #expect(download.data == Self.pdf, "\(accept)")
                #expect(download.contentType == "application/pdf")
                #expect(download.fileName == "\(pdf.id).pdf")
            }
            #expect(try await RawUpload.download(server, id: pdf.id, accept: "application/xml").status == 404)
            let unsupported = try await RawUpload.download(server, id: pdf.id, accept: "text/plain")
            #expect(unsupported.status == 406)
            #expect(try await RawUpload.download(server, id: .random(), accept: "*/*").status == 404)

            let jpeg = try await client.files.upload(
                try FileUpload(data: Data([0xFF, 0xD8, 0xFF, 0xE0]), fileName: "foto.jpeg")
            )
            let photo = try await client.files.download(jpeg.id, format: .pdf)
            #expect(photo.contentType == "image/jpeg")
            #expect(photo.fileName == "\(jpeg.id).jpg")

            let png = try await client.files.upload(try FileUpload(data: Self.png, fileName: "scan.PNG"))
            let image = try await client.files.download(png.id, format: .jpeg)
            #expect(image.data == Self.png)
            #expect(image.contentType == "image/png")

            let xml = try await client.files.upload(try FileUpload(data: Self.xml, fileName: "xrechnung.xml"))
            for format in [DownloadFormat.any, .xml] {
                let invoice = try await client.files.download(xml.id, format: format)
                #expect(invoice.data == Self.xml)
                #expect(invoice.contentType == "application/xml")
                #expect(invoice.fileName == "\(xml.id).xml")
            }
        }
    }
}

/// Raw multipart uploads and downloads, independent of LexofficeKit.
enum RawUpload {
    /// One form part.
    enum Part {
        case file(String, Data)
        case field(String, String)
    }

    /// POSTs `parts` as `multipart/form-data` to `server.baseURL + path`.
    static func send(
        _ server: SandboxServer,
        path: String,
        parts: [Part]
    ) async throws -> (status: Int, json: JSONValue?, text: String) {
        let boundary = "sandbox-test-boundary"
        var body = Data()
        for part in parts {
            body.append(Data("--\(boundary)\r\n".utf8))
            switch part {
            case .file(let name, let data):
                body.append(Data("Content-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n".utf8))
                body.append(Data("Content-Type: application/octet-stream\r\n\r\n".utf8))
                body.append(data)
            case .field(let name, let value):
                body.append(Data("Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)".utf8))
            }
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var request = HTTPClientRequest(url: server.baseURL + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(server.defaultAPIKey)")
        request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
        request.body = .bytes(ByteBuffer(data: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let data = Data(buffer: try await response.body.collect(upTo: 1024 * 1024))
        return (
            Int(response.status.code), try? JSONDecoder().decode(JSONValue.self, from: data),
            String(decoding: data, as: UTF8.self)
        )
    }

    /// GETs `/files/{id}` with an `Accept` header.
    static func download(
        _ server: SandboxServer,
        id: LexofficeID,
        accept: String
    ) async throws -> (status: Int, headers: [String: String], data: Data) {
        var request = HTTPClientRequest(url: server.baseURL + "/files/\(id)")
        request.headers.add(name: "Authorization", value: "Bearer \(server.defaultAPIKey)")
        request.headers.add(name: "Accept", value: accept)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let data = Data(buffer: try await response.body.collect(upTo: 10 * 1024 * 1024))
        let headers = Dictionary(
            response.headers.map { ($0.name.lowercased(), $0.value) },
            uniquingKeysWith: { first, _ in first }
        )
        return (Int(response.status.code), headers, data)
    }

    /// The entries of a legacy `IssueList` body (empty for any other body).
    static func issues(_ json: JSONValue?) -> [JSONValue] {
        guard case .array(let issues)? = json?["IssueList"] else { return [] }
        return issues
    }
}
