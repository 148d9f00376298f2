import Foundation
import KontorCore
import Testing

@Suite("Store time stamps")
struct MillisecondsTests {
    @Test(
        "whole milliseconds round down and survive the way back",
        arguments: [0.0, 1.2345, -0.0015, 1_764_000_000.9999]
    )
    func roundTrip(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let milliseconds = date.millisecondsSince1970
        #expect(milliseconds == Int64((seconds * 1000).rounded(.down)))
        #expect(Date(millisecondsSince1970: milliseconds).millisecondsSince1970 == milliseconds)
    }
}
