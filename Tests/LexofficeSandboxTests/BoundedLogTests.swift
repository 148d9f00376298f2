import Testing

@testable import LexofficeSandbox

@Suite("Bounded logs (request journal, webhook deliveries)")
struct BoundedLogTests {
    @Test("keeps every entry up to a fifth over the limit, then drops the oldest down to the limit")
    func dropsOldestInBatches() {
        var log: [Int] = []
        for entry in 1...12 { log.append(entry, keepingLast: 10) }
        #expect(log == Array(1...12), "10 plus a fifth: nothing dropped yet")
        log.append(13, keepingLast: 10)
        #expect(log == Array(4...13), "the 10 newest remain, in order")
        for entry in 14...1_000 { log.append(entry, keepingLast: 10) }
        #expect((10...12).contains(log.count))
        #expect(log.last == 1_000)
        #expect(log == Array((1_001 - log.count)...1_000))
    }
}
