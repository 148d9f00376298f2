import Foundation
import KontorFlows
import KontorSinks
import Testing

struct FilesystemSinkTests {
    @Test("writes the PDF, the XML and the sidecar under tenant/year/type/number")
    func writesLayout() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let document = ArchiveDocument.fixture()
        let keys = try await FilesystemSink(root: folder.path).write(document)
        #expect(
            keys.map(\.key) == [
                "acme/2026/invoice/RE-1001.pdf", "acme/2026/invoice/RE-1001.xml", "acme/2026/invoice/RE-1001.json",
            ]
        )
        #expect(keys.map(\.kind) == [.pdf, .xml, .metadata])
        #expect(folder.contents(of: "acme/2026/invoice/RE-1001.pdf") == document.pdf)
        #expect(folder.contents(of: "acme/2026/invoice/RE-1001.xml") == document.xml)
        #expect(folder.contents(of: "acme/2026/invoice/RE-1001.json") == document.metadata)
    }

    @Test("writing the document again replaces its files: one copy, the new sidecar, no temporary files left")
    func overwritesIdempotently() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sink = FilesystemSink(root: folder.path)
        let first = try await sink.write(.fixture(status: "open"))
        let paid = ArchiveDocument.fixture(status: "paid")
        let second = try await sink.write(paid)
        #expect(first == second)
        #expect(
            folder.allFiles() == [
                "acme/2026/invoice/RE-1001.json", "acme/2026/invoice/RE-1001.pdf", "acme/2026/invoice/RE-1001.xml",
            ]
        )
        #expect(folder.contents(of: "acme/2026/invoice/RE-1001.json") == paid.metadata)
    }

    @Test("a temporary file left by a writer killed mid-write is taken over by the next write, not left beside it")
    func orphanedTemporaryFileTakenOver() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let invoices = folder.path + "/acme/2026/invoice"
        try FileManager.default.createDirectory(atPath: invoices, withIntermediateDirectories: true)
        let orphan = invoices + "/.RE-1001.pdf.kontor-tmp"
        #expect(FileManager.default.createFile(atPath: orphan, contents: Data(repeating: 0x25, count: 100_000)))
        let document = ArchiveDocument.fixture(withXML: false)
        _ = try await FilesystemSink(root: folder.path).write(document)
        #expect(folder.allFiles() == ["acme/2026/invoice/RE-1001.json", "acme/2026/invoice/RE-1001.pdf"])
        #expect(folder.contents(of: "acme/2026/invoice/RE-1001.pdf") == document.pdf)
    }

    @Test("a file another live process is writing makes the write fail as retryable; its bytes are not mixed in")
    func liveWriterIsWaitedFor() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let invoices = folder.path + "/acme/2026/invoice"
        try FileManager.default.createDirectory(atPath: invoices, withIntermediateDirectories: true)
        let busy = open(invoices + "/.RE-1001.pdf.kontor-tmp", O_WRONLY | O_CREAT, 0o640)
        #expect(busy >= 0)
        defer { close(busy) }
        #expect(flock(busy, LOCK_EX | LOCK_NB) == 0)
        let error = await #expect(throws: ArchiveSinkError.self) {
            try await FilesystemSink(root: folder.path).write(.fixture(withXML: false))
        }
        #expect(error?.isRetryable == true)
        #expect(folder.contents(of: "acme/2026/invoice/RE-1001.pdf") == nil)
    }

    @Test("a number like ../x stays inside its folder")
    func noTraversal() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let keys = try await FilesystemSink(root: folder.path).write(.fixture(number: "../../x", withXML: false))
        #expect(keys.map(\.key) == ["acme/2026/invoice/_._.._x.pdf", "acme/2026/invoice/_._.._x.json"])
        #expect(folder.allFiles() == ["acme/2026/invoice/_._.._x.json", "acme/2026/invoice/_._.._x.pdf"])
    }

    @Test("follows a configured template")
    func template() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sink = FilesystemSink(
            root: folder.path,
            template: try ArchiveKeyTemplate("{tenant}/{type}/{year}-{number}")
        )
        _ = try await sink.write(.fixture(withXML: false))
        #expect(folder.allFiles() == ["acme/invoice/2026-RE-1001.json", "acme/invoice/2026-RE-1001.pdf"])
    }

    @Test("a missing root folder is a permanent error, and nothing is created in its place")
    func missingRoot() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = folder.path + "/not-mounted"
        let error = await #expect(throws: ArchiveSinkError.self) {
            try await FilesystemSink(root: root).write(.fixture())
        }
        #expect(error?.code == .destinationMissing)
        #expect(error?.isRetryable == false)
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test("a file where a folder should be refuses the document")
    func fileInTheWay() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(FileManager.default.createFile(atPath: folder.path + "/acme", contents: Data("x".utf8)))
        let error = await #expect(throws: ArchiveSinkError.self) {
            try await FilesystemSink(root: folder.path).write(.fixture())
        }
        #expect(error?.code == .rejected)
    }
}
