import Foundation
import LexofficeKit

/// The `sdk` suite: model decoding and the pacer's own cost.
enum SDKBenchmark {
    static func run() async throws {
        #if DEBUG
        print("warning: debug build — run `swift run -c release KontorBench sdk` for meaningful figures")
        #endif
        let page = Data(SampleDocuments.voucherListPage(elements: 250).utf8)
        let invoice = Data(SampleDocuments.invoice(lineItems: 300).utf8)
        let decodedPage = try JSONDecoder().decode(Page<VoucherListItem>.self, from: page)
        let decodedInvoice = try JSONDecoder().decode(Invoice.self, from: invoice)
        precondition(decodedPage.content.count == 250 && decodedInvoice.lineItems.count == 300)

        print("KontorBench sdk (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        report("decode voucherlist page, 250 elements (\(page.count / 1024) KiB)", iterations: 200) {
            _ = try JSONDecoder().decode(Page<VoucherListItem>.self, from: page)
        }
        report("decode invoice, 300 line items (\(invoice.count / 1024) KiB)", iterations: 200) {
            _ = try JSONDecoder().decode(Invoice.self, from: invoice)
        }
        report("encode invoice, 300 line items", iterations: 200) {
            _ = try JSONEncoder().encode(decodedInvoice)
        }
        report("baseline: JSONSerialization of the voucherlist page", iterations: 200) {
            _ = try JSONSerialization.jsonObject(with: page)
        }
        try await pacerOverhead()
    }

    /// Cost of asking the pacer for a slot when one is free (the common case below the rate limit).
    private static func pacerOverhead() async throws {
        let iterations = 1_000_000
        let unpaced = RequestPacer(requestsPerSecond: 0)
        let paced = RequestPacer(requestsPerSecond: 1e9)  // 1 ns slots: every slot is free, measures the bookkeeping
        let baseline = try await measure(iterations) { try await unpaced.waitForTurn() }
        let cost = try await measure(iterations) { try await paced.waitForTurn() }
        let figures = String(
            format: "%10.1f ns/request (pacing off: %.1f ns, ratio %.2fx)",
            cost,
            baseline,
            cost / baseline
        )
        print(label("pacer overhead per request, free slot") + figures)
    }

    private static func measure(_ iterations: Int, _ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        for _ in 0..<iterations { try await body() }
        return (ContinuousClock.now - start).inSeconds * 1e9 / Double(iterations)
    }

    private static func report(_ name: String, iterations: Int, _ body: () throws -> Void) {
        do {
            for _ in 0..<10 { try body() }  // warm-up
            let start = ContinuousClock.now
            for _ in 0..<iterations { try body() }
            let perOperation = (ContinuousClock.now - start).inSeconds * 1e9 / Double(iterations) / 1000
            print(label(name) + String(format: "%10.1f µs/op", perOperation))
        } catch {
            print("\(name): failed: \(error)")
        }
    }

    private static func label(_ name: String) -> String {
        name.count >= 60 ? name + " " : name + String(repeating: " ", count: 60 - name.count)
    }

}
