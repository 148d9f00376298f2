import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The Mayan EDMS the DMS sink tests use, named by `KONTOR_TEST_MAYAN_URL`, `_USER` and `_PASSWORD`
/// (`scripts/mayan-throwaway.sh start` prints them; CI exports them). Without them the tests are skipped.
enum TestMayan {
    static let url = ProcessInfo.processInfo.environment["KONTOR_TEST_MAYAN_URL"]
    static let user = ProcessInfo.processInfo.environment["KONTOR_TEST_MAYAN_USER"] ?? "admin"
    static let password = ProcessInfo.processInfo.environment["KONTOR_TEST_MAYAN_PASSWORD"] ?? ""

    /// The JSON object at `path` below `/api/v4/`, read with `token`.
    static func object(_ path: String, token: String) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: (url ?? "") + "/api/v4/" + path)
        request.headers.add(name: "authorization", value: "Token \(token)")
        request.headers.add(name: "accept", value: "application/json")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 22)
        return (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }
}
