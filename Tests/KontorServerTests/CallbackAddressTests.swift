import Foundation
import HTTPTypes
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import NIOCore
import Testing

/// Callback URLs cannot reach the hub's own network: loopback, link-local and private receivers are refused unless
/// private networks are allowed, and redirects are not followed.
@Suite("Callback receivers' addresses", .timeLimit(.minutes(1)))
struct CallbackAddressTests {
    @Test(
        "loopback, unspecified, link-local, private and embedded IPv4 addresses are refused; public ones permitted",
        arguments: [
            ("127.0.0.1", false), ("127.255.0.9", false), ("::1", false), ("0.0.0.0", false), ("::", false),
            ("169.254.169.254", false), ("fe80::1", false), ("10.1.2.3", false), ("172.16.0.1", false),
            ("172.31.255.255", false), ("192.168.1.1", false), ("100.64.0.1", false), ("fc00::1", false),
            ("fd12:3456::1", false), ("::ffff:127.0.0.1", false), ("::ffff:169.254.169.254", false),
            ("64:ff9b::a00:1", false), ("224.0.0.1", false), ("255.255.255.255", false), ("ff02::1", false),
            ("93.184.216.34", true), ("172.32.0.1", true), ("100.128.0.1", true), ("2606:2800:220:1::1", true),
            ("::ffff:93.184.216.34", true),
        ]
    )
    func policy(address: String, permitted: Bool) throws {
        let socketAddress = try SocketAddress(ipAddress: address, port: 443)
        #expect(CallbackAddressPolicy(allowsPrivateNetworks: false).permits(socketAddress) == permitted)
        #expect(CallbackAddressPolicy(allowsPrivateNetworks: true).permits(socketAddress))
    }

    @Test("an address of the hub's own machine is refused")
    func ownAddress() throws {
        let own = try SocketAddress(ipAddress: "93.184.216.34", port: 8080)
        let policy = CallbackAddressPolicy(allowsPrivateNetworks: false)
        #expect(!policy.permits(try SocketAddress(ipAddress: "93.184.216.34", port: 443), ownAddresses: [own]))
    }

    @Test(
        "by default a receiver on loopback (by address or by name) or link-local is refused: dead with a clean reason, no request sent",
        arguments: ["http://127.0.0.1:{port}/hooks", "http://localhost:{port}/hooks", "http://169.254.169.254/latest"]
    )
    func refusedByDefault(url: String) async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(204, "") }) { receiver in
            try await HubHarness.with(callbacksAllowPrivate: false) { hub in
                let port = try #require(URL(string: receiver.baseURL)?.port)
                try await Self.enqueueCallback(hub, to: url.replacingOccurrences(of: "{port}", with: "\(port)"))
                let queue = JobQueue(database: hub.database)
                #expect(try await hub.runWorkers { try await queue.counts()[.dead] == 1 })
                #expect(receiver.requests.isEmpty, "nothing reached the receiver")
                let dead = try #require(try await queue.jobs(state: .dead).first)
                #expect(dead.lastError == "the callback receiver's address is not allowed")
                let jobs = try await hub.send(.get, "/api/v1/tenants/acme/jobs").body
                #expect(jobs.contains("is not allowed"))
                #expect(!jobs.contains("127.0.0.1") && !jobs.contains("169.254"), "no address is shown")
            }
        }
    }

    @Test("with private networks allowed, a loopback receiver gets its callback")
    func allowedLoopback() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(204, "") }) { receiver in
            try await HubHarness.with(callbacksAllowPrivate: true) { hub in
                try await Self.enqueueCallback(hub, to: receiver.baseURL + "/hooks")
                let queue = JobQueue(database: hub.database)
                #expect(try await hub.runWorkers { try await queue.counts()[.done] == 1 })
                #expect(receiver.requests.count == 1)
            }
        }
    }

    @Test("a redirect is not followed: the callback ends dead with the HTTP status, the redirect's target gets nothing")
    func redirectNotFollowed() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(204, "") }) { target in
            try await ScriptedHTTPServer.withServer(
                .replying { _ in .json(307, "{}", headers: [("Location", target.baseURL + "/hooks")]) }
            ) { redirecting in
                try await HubHarness.with(callbacksAllowPrivate: true) { hub in
                    try await Self.enqueueCallback(hub, to: redirecting.baseURL + "/hooks")
                    let queue = JobQueue(database: hub.database)
                    #expect(try await hub.runWorkers { try await queue.counts()[.dead] == 1 })
                    #expect(redirecting.requests.count == 1)
                    #expect(target.requests.isEmpty, "the redirect was not followed")
                    let dead = try #require(try await queue.jobs(state: .dead).first)
                    #expect(dead.lastError == "the callback receiver answered HTTP 307; not retried")
                }
            }
        }
    }

    @Test("a receiver that refuses the connection is reported as such, without its address")
    func connectionRefused() async throws {
        // Bound without listening for the whole test: connections are refused, and no other test's server can take
        // the port meanwhile (a closed server's port could be, and once was: it answered 404).
        let refusing = try RefusingPort()
        defer { refusing.close() }
        let closedPort = refusing.port
        try await HubHarness.with(callbacksAllowPrivate: true) { hub in
            try await Self.enqueueCallback(hub, to: "http://127.0.0.1:\(closedPort)/hooks")
            let queue = JobQueue(database: hub.database)
            #expect(
                try await hub.runWorkers(timeout: .seconds(30)) {
                    try await queue.jobs(tenant: TenantID("acme")).first?.lastError != nil
                }
            )
            let job = try #require(try await queue.jobs(tenant: TenantID("acme")).first)
            #expect(
                ["the callback receiver refused the connection", "the callback receiver timed out"]
                    .contains(job.lastError ?? ""),
                "\(job.lastError ?? "")"
            )
        }
    }

    /// Creates tenant `acme` with callbacks to `url` and queues one callback.
    private static func enqueueCallback(_ hub: HubHarness, to url: String) async throws {
        let created = try await hub.send(
            .post,
            "/api/v1/tenants",
            json: #"{"id":"acme","name":"Acme","callbackUrl":"\#(url)"}"#
        )
        #expect(created.status == 201, "\(created.body)")
        _ = try await CallbackOutbox(queue: JobQueue(database: hub.database))
            .enqueue("invoice.transferred", data: #"{"voucherNumber":"RE-1"}"#, for: TenantID("acme"))
    }
}
