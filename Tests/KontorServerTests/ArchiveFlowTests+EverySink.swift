import AsyncHTTPClient
import Foundation
import KontorSinks
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Testing

extension ArchiveFlowTests {
    /// The object `key` in moto's bucket `bucket`, read signed (moto refuses anonymous reads of objects).
    private static func object(_ moto: StorageServer, bucket: String, key: String) async throws -> Data {
        let configuration = try S3Configuration(
            endpoint: moto.baseURL,
            region: "us-east-1",
            bucket: bucket,
            accessKeyID: "AKIDKONTOR",
            secretAccessKey: Secret("moto-accepts-any")
        )
        return try await S3Client(configuration: configuration, httpClient: HTTPClient.shared).getObject(key).contents
    }

    /// Finalizes draft `id` in the sandbox, as the accountant would in the web app (lexoffice numbers it).
    private static func finalize(_ hub: HubHarness, _ id: LexofficeID) async throws {
        var request = HTTPClientRequest(
            url: hub.sandbox.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/sales-vouchers/\(id)/finalize")
        )
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(hub.sandbox.defaultAPIKey)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status.code == 204)
    }

    private static func status(in sidecar: Data) throws -> String? {
        let object = try? JSONSerialization.jsonObject(with: sidecar) as? [String: Any]
        return object?["status"] as? String
    }

    @Test(
        """
        a draft finalized in lexoffice is archived once into a folder, S3 and WebDAV at once; paid and voided later, \
        each sink's sidecar follows, never a second copy
        """
    )
    func everySinkAtOnce() async throws {
        try await Self.withFolder { folder in
            try await StorageServer.withMoto(bucket: "belege") { moto in
                try await StorageServer.withWebDAV { webdav in
                    try await HubHarness.with(lexofficeRate: 1000) { hub in
                        try await Self.archive(hub, folder: folder, moto: moto, webdav: webdav)
                    }
                }
            }
        }
    }

    private static func archive(_ hub: HubHarness, folder: URL, moto: StorageServer, webdav: StorageServer) async throws
    {
        try await Self.archivingTenant(
            hub,
            into: folder,
            sinks: """
                {"type":"filesystem","path":"\(folder.path)"},\
                {"type":"s3","endpoint":"\(moto.baseURL)","region":"us-east-1","bucket":"belege",\
                "accessKeyId":"AKIDKONTOR","secretAccessKey":"moto-accepts-any"},\
                {"type":"webdav","url":"\(webdav.baseURL)/","username":"u","password":"p"}
                """
        )
        let id = try await Self.invoice(hub, draft: true)
        try await hub.deliverEvent("invoice.created", resource: id.rawValue)
        #expect(try await hub.runWorkers { try await Self.items(hub, state: "skipped").count == 1 })
        try await Self.finalize(hub, id)
        try await hub.deliverEvent("invoice.status.changed", resource: id.rawValue)
        #expect(try await hub.runWorkers { try await Self.items(hub, state: "archived").count == 1 })
        let number = try #require(try await Self.items(hub).first?["number"] as? String)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let base = "acme/\(year)/invoice/\(number)"
        let davFolder = webdav.folder.appendingPathComponent("data")

        func expectOneCopy(status: String) async throws {
            #expect(Self.files(in: folder) == [base + ".json", base + ".pdf"])
            #expect(try await moto.objectKeys(bucket: "belege") == [base + ".json", base + ".pdf"])
            #expect(Self.files(in: davFolder) == [base + ".json", base + ".pdf"])
            let sidecars = [
                try Data(contentsOf: folder.appendingPathComponent(base + ".json")),
                try await Self.object(moto, bucket: "belege", key: base + ".json"),
                try Data(contentsOf: davFolder.appendingPathComponent(base + ".json")),
            ]
            for (sink, sidecar) in zip(["folder", "S3", "WebDAV"], sidecars) {
                #expect(try Self.status(in: sidecar) == status, "\(sink): \(String(decoding: sidecar, as: UTF8.self))")
            }
            #expect(Set(sidecars).count == 1, "every sink holds the same sidecar")
            let pdf = try Data(contentsOf: folder.appendingPathComponent(base + ".pdf"))
            #expect(pdf.starts(with: Data("%PDF".utf8)))
            #expect(try await Self.object(moto, bucket: "belege", key: base + ".pdf") == pdf)
            #expect(try Data(contentsOf: davFolder.appendingPathComponent(base + ".pdf")) == pdf)
        }
        try await expectOneCopy(status: "open")

        for status in ["paid", "voided"] {
            try await Self.setStatus(hub, id, status)
            try await hub.deliverEvent("invoice.status.changed", resource: id.rawValue)
            #expect(
                try await hub.runWorkers {
                    try await Self.items(hub, state: "archived").first?["documentStatus"] as? String == status
                }
            )
            try await expectOneCopy(status: status)
        }
        let downloads = try await InvoiceTransferTests.journal(hub).filter { $0 == "GET /v1/invoices/\(id)/file" }
        #expect(downloads.count == 1, "the PDF is downloaded once for all sinks and status changes")
        #expect(try await Self.items(hub).count == 1)
    }
}
