import Foundation
import KontorTestSupport
import Testing

@testable import KontorServer

/// The `Location` of a saved invoice names its source id as one path segment.
struct InvoicePathSegmentTests {
    @Test("a source id is encoded exactly as addingPercentEncoding encodes it, the plain ones without a detour")
    func encodedAsFoundationEncodes() {
        var generator = SeededGenerator(seed: 20_261_202)
        let characters = Array("aZ09-._~!$&'()*+,;=:@/?#[]% \"<>\\^`{|}äß€😀\u{7F}\t")
        for _ in 0..<3_000 {
            let id = String(
                (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                    characters.randomElement(using: &generator)!
                }
            )
            let expected = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"]))
            #expect(InvoiceRoutes.pathSegment(id) == expected, "id \(id)")
        }
        #expect(InvoiceRoutes.pathSegment("R-2026.0042_a~b") == "R-2026.0042_a~b")
        #expect(InvoiceRoutes.pathSegment("a/b c") == "a%2Fb%20c")
    }
}
