import AsyncHTTPClient
import Foundation
import KontorFlows
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Synchronization

/// Writes documents into a WebDAV folder: `MKCOL` for each folder level not known to exist, then a `PUT` per
/// file (the sidecar last), which replaces a file of the same name, so writing a document again never adds a copy.
///
/// Redirects are reported as ``ArchiveSinkError/Code/rejected``, never followed (they would carry the Basic
/// credentials elsewhere): give the sink an `HTTPClient` whose redirect configuration is `.disallow`.
package final class WebDAVSink: ArchiveSink {
    /// Where and as whom the sink writes.
    package let configuration: WebDAVConfiguration
    private let httpClient: HTTPClient
    /// Folders (paths below the base) created or found existing, so each is asked for once per process.
    private let knownFolders = Mutex<Set<String>>([])

    /// A sink writing through `httpClient`.
    package init(configuration: WebDAVConfiguration, httpClient: HTTPClient) {
        self.configuration = configuration
        self.httpClient = httpClient
    }

    /// Creates the document's folders where needed and puts its files; the keys are paths below the base folder.
    /// - Throws: ``ArchiveSinkError``: ``ArchiveSinkError/Code/accessDenied`` for rejected credentials,
    ///   ``ArchiveSinkError/Code/destinationMissing`` when the base folder does not exist,
    ///   ``ArchiveSinkError/Code/unavailable`` or ``ArchiveSinkError/Code/serverError`` when a retry may help.
    package func write(_ document: ArchiveDocument) async throws -> [ArchiveWrittenKey] {
        let folders = configuration.template.folders(for: document)
        try await makeFolders(folders)
        var keys: [ArchiveWrittenKey] = []
        for file in document.files {
            let key = configuration.template.key(for: document, file: file.kind)
            let status = try await put(key, file)
            if status == 409 {
                // A known folder was removed meanwhile: create the levels again, then put once more.
                knownFolders.withLock { $0.removeAll() }
                try await makeFolders(folders)
                let retried = try await put(key, file)
                guard retried != 409 else { throw SinkHTTP.failure(status: retried, "WebDAV PUT \(key)") }
            }
            keys.append(ArchiveWrittenKey(kind: file.kind, key: key))
        }
        return keys
    }

    /// Puts one file; the status when it is a success or 409 (a parent folder is missing).
    private func put(_ key: String, _ file: ArchiveFile) async throws -> Int {
        let status = try await send(.PUT, configuration.url(of: key), body: file.contents, type: file.kind.contentType)
        guard (200..<300).contains(status) || status == 409 else {
            throw SinkHTTP.failure(status: status, "WebDAV PUT \(key)")
        }
        return status
    }

    /// Creates each level of `folders` (outermost first) not known to exist; "exists" answers (405, 301) count
    /// as success. A 409 on the first level means the base folder itself is missing.
    private func makeFolders(_ folders: [String]) async throws {
        var path = ""
        for (level, folder) in folders.enumerated() {
            path += (path.isEmpty ? "" : "/") + folder
            let current = path
            guard !knownFolders.withLock({ $0.contains(current) }) else { continue }
            let status = try await send(.MKCOL, configuration.url(of: current) + "/", body: nil, type: nil)
            switch status {
            case 200..<300, 301, 405:
                knownFolders.withLock { _ = $0.insert(current) }
            case 409 where level == 0:
                throw ArchiveSinkError(
                    .destinationMissing,
                    "the WebDAV base folder \(configuration.baseURL) does not exist (MKCOL answered HTTP 409)",
                    httpStatus: status
                )
            default:
                throw SinkHTTP.failure(status: status, "WebDAV MKCOL \(current)")
            }
        }
    }

    private func send(_ method: HTTPMethod, _ url: String, body: Data?, type: String?) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let authorization = configuration.authorization {
            request.headers.add(name: "authorization", value: authorization)
        }
        if let type { request.headers.add(name: "content-type", value: type) }
        if let body { request.body = .bytes(ByteBuffer(data: body)) }
        let answer = try await SinkHTTP.send(request, on: httpClient, timeout: configuration.timeout, sink: "WebDAV")
        return Int(answer.response.status.code)
    }
}
