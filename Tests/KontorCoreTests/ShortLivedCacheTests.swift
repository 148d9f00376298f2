import KontorCore
import KontorTestSupport
import Testing

@Suite("Short-lived cache")
struct ShortLivedCacheTests {
    private struct LoadFailure: Error {}

    @Test("a found value is kept for its lifetime, then read again; a clock set back expires it")
    func lifetime() async {
        let clock = ManualWallClock()
        let cache = ShortLivedCache<String, Int>(lifetime: .seconds(1), capacity: 10, clock: clock)
        var loads = 0
        func read() async -> Int? {
            await cache.value(for: "a") {
                loads += 1
                return loads
            }
        }
        #expect(await read() == 1)
        clock.advance(by: .milliseconds(999))
        #expect(await read() == 1, "still within the lifetime")
        #expect(loads == 1)
        clock.advance(by: .milliseconds(1))
        #expect(await read() == 2, "a second after the first read began")
        clock.advance(by: .seconds(-5))
        #expect(await read() == 3, "a value from the future counts as expired")
        #expect(loads == 3)
    }

    @Test("a missing value and a failed read are not kept")
    func missesAndFailures() async throws {
        let cache = ShortLivedCache<String, Int>(lifetime: .seconds(60), capacity: 10, clock: ManualWallClock())
        var loads = 0
        for _ in 0..<3 {
            let value = await cache.value(for: "gone") {
                loads += 1
                return nil
            }
            #expect(value == nil)
        }
        #expect(loads == 3)
        await #expect(throws: LoadFailure.self) {
            _ = try await cache.value(for: "broken") { throw LoadFailure() }
        }
        #expect(await cache.value(for: "broken") { 7 } == 7, "nothing was kept by the failed read")
    }

    @Test("invalidating forgets every value, and a read running meanwhile keeps nothing")
    func invalidation() async {
        let cache = ShortLivedCache<String, String>(lifetime: .seconds(60), capacity: 10, clock: ManualWallClock())
        #expect(await cache.value(for: "t") { "v1" } == "v1")
        #expect(await cache.value(for: "u") { "u1" } == "u1")
        cache.invalidateAll()
        #expect(await cache.value(for: "t") { "v2" } == "v2")
        #expect(await cache.value(for: "u") { "u2" } == "u2")

        let raced = await cache.value(for: "t") { "unused" }
        #expect(raced == "v2")
        cache.invalidateAll()
        let duringChange = await cache.value(for: "t") {
            cache.invalidateAll()  // a change committed while this read ran
            return "read before the change"
        }
        #expect(duringChange == "read before the change", "the caller still gets what it read")
        #expect(await cache.value(for: "t") { "v3" } == "v3", "but the cache did not keep it")
    }

    @Test("a full cache starts over")
    func capacity() async {
        let cache = ShortLivedCache<Int, Int>(lifetime: .seconds(60), capacity: 2, clock: ManualWallClock())
        #expect(await cache.value(for: 1) { 10 } == 10)
        #expect(await cache.value(for: 2) { 20 } == 20)
        #expect(await cache.value(for: 1) { 11 } == 10, "kept")
        #expect(await cache.value(for: 3) { 30 } == 30)
        #expect(await cache.value(for: 1) { 12 } == 12, "forgotten when the third value came")
        #expect(await cache.value(for: 3) { 31 } == 30, "the newest value stays")
    }
}
