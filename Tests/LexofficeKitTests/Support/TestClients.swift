import KontorTestSupport
import LexofficeKit
import Logging

import struct Foundation.Data

/// Clients pointed at a ``ScriptedHTTPServer``, with their own pacer registry so tests never share budgets.
enum TestClients {
    /// A fast retry policy: the same decisions as production, with millisecond waits.
    static let fastRetries = RetryPolicy(
        maxRateLimitRetries: 3,
        maxTransientRetries: 2,
        initialBackoff: .milliseconds(5),
        maxBackoff: .milliseconds(20),
        jitter: 0
    )

    /// A client for `server` with pacing off (unless `requestsPerSecond` is given).
    static func client(
        for server: ScriptedHTTPServer,
        requestsPerSecond: Double = 0,
        retryPolicy: RetryPolicy = fastRetries,
        requestTimeout: Duration = .seconds(30),
        credentials: any LexofficeCredentials = StaticAPIKey("test-api-key"),
        logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    ) -> LexofficeClient {
        LexofficeClient(
            configuration: LexofficeClientConfiguration(
                baseURL: server.baseURL + "/v1",
                requestTimeout: requestTimeout,
                requestsPerSecond: requestsPerSecond,
                retryPolicy: retryPolicy
            ),
            credentials: credentials,
            pacerRegistry: RequestPacerRegistry(),
            logger: logger
        )
    }
}

/// Common scripted replies.
extension ScriptedHTTPServer.Reply {
    /// A 201 action result for `id`.
    static func created(id: String = "5b7d2e0a-3c41-4f7e-9a55-0d2c8e6f1a90") -> ScriptedHTTPServer.Reply {
        .json(201, #"{"id":"\#(id)","resourceUri":"http://x/v1/r/\#(id)","version":1}"#)
    }

    /// The contents of a fixture.
    static func fixture(_ name: String, status: Int = 200) -> ScriptedHTTPServer.Reply {
        let data = (try? Fixtures.data(name)) ?? Data()
        return .respond(status: status, headers: [("Content-Type", "application/json")], body: Array(data))
    }
}
