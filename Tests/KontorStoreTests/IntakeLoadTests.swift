import KontorStore
import KontorTestSupport
import Testing

@Suite("Intake load", .timeLimit(.minutes(1)))
struct IntakeLoadTests {
    /// A request that runs until `finish()`; `started` returns once it is counted in.
    private struct HeldRequest {
        private let started: AsyncStream<Void>
        private let startedSignal: AsyncStream<Void>.Continuation
        private let release: AsyncStream<Void>
        private let releaseSignal: AsyncStream<Void>.Continuation

        init() {
            (started, startedSignal) = AsyncStream.makeStream(of: Void.self)
            (release, releaseSignal) = AsyncStream.makeStream(of: Void.self)
        }

        func run(in intake: IntakeLoad, for source: String = "tenant:acme") async {
            await intake.track(for: source) {
                startedSignal.yield()
                for await _ in release {}
            }
        }

        func waitUntilStarted() async {
            for await _ in started { return }
        }

        func finish() { releaseSignal.finish() }
    }

    @Test("busy while the threshold of requests runs, and for the linger after, not before")
    func busyFromThresholdWithLinger() async throws {
        let intake = IntakeLoad(threshold: 2, linger: .seconds(5))
        let first = HeldRequest()
        let second = HeldRequest()
        #expect(!intake.isBusy)
        try await withThrowingTaskGroup(of: Void.self) { requests in
            requests.addTask { await first.run(in: intake) }
            await first.waitUntilStarted()
            #expect(!intake.isBusy, "one request is below the threshold")
            requests.addTask { await second.run(in: intake, for: "tenant:bolt") }
            await second.waitUntilStarted()
            #expect(intake.isBusy)
            first.finish()
            second.finish()
            try await requests.waitForAll()
        }
        #expect(intake.isBusy, "still busy within the linger")
        #expect(try await eventually(timeout: .seconds(20)) { !intake.isBusy })
    }

    @Test("one source counts at most its limit of requests: alone it cannot make the intake busy")
    func limitPerSource() async throws {
        let intake = IntakeLoad(threshold: 4, linger: .zero)
        let acme = (0..<5).map { _ in HeldRequest() }
        let bolt = (0..<2).map { _ in HeldRequest() }
        try await withThrowingTaskGroup(of: Void.self) { requests in
            for request in acme {
                requests.addTask { await request.run(in: intake, for: "tenant:acme") }
                await request.waitUntilStarted()
            }
            #expect(intake.requestsInFlight == 2, "5 requests of one source, 2 of them count (half the threshold)")
            #expect(!intake.isBusy)
            for request in bolt {
                requests.addTask { await request.run(in: intake, for: "tenant:bolt") }
                await request.waitUntilStarted()
            }
            #expect(intake.requestsInFlight == 4)
            #expect(intake.isBusy, "two sources reach the threshold")
            for request in acme.prefix(3) { request.finish() }
            #expect(try await eventually { intake.requestsInFlight == 4 }, "acme's two still running still count")
            for request in acme.suffix(2) + bolt { request.finish() }
            try await requests.waitForAll()
        }
        #expect(intake.requestsInFlight == 0)
        #expect(!intake.isBusy)
    }

    @Test("a request's error passes through, and it no longer counts")
    func errorsPassThrough() async {
        struct Refused: Error {}
        let intake = IntakeLoad(threshold: 1, linger: .zero)
        await #expect(throws: Refused.self) { try await intake.track(for: "tenant:acme") { throw Refused() } }
        #expect(!intake.isBusy)
    }
}
