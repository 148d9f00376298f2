import Foundation
import KontorTestSupport
import LexofficeKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct PagingTests {
    /// A voucherlist of `total` invoices served in pages, like lexoffice (totalElements capped at 10,000).
    private static func voucherList(
        total: Int
    ) -> @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply {
        { request in
            let parameters = Dictionary(
                uniqueKeysWithValues: (request.query ?? "").split(separator: "&").map { pair in
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    return (parts[0], parts.count > 1 ? parts[1] : "")
                }
            )
            let page = Int(parameters["page"] ?? "0") ?? 0
            let size = Int(parameters["size"] ?? "25") ?? 25
            let range = (page * size)..<min(total, (page + 1) * size)
            let items = range.map { index in
                let id = String(format: "00000000-0000-4000-8000-%012d", index)
                return #"{"id":"\#(id)","voucherType":"invoice","voucherStatus":"open","voucherNumber":"RE\#(index)","#
                    + #""totalAmount":1.00,"currency":"EUR","archived":false}"#
            }
            let totalPages = (total + size - 1) / size
            let body =
                #"{"content":[\#(items.joined(separator: ","))],"first":\#(page == 0),"#
                + #""last":\#(page >= totalPages - 1),"totalPages":\#(totalPages),"totalElements":\#(min(total, 10_000)),"#
                + #""numberOfElements":\#(range.count),"size":\#(size),"number":\#(page)}"#
            return .json(200, body)
        }
    }

    private let filter = VoucherListFilter(voucherTypes: .only([.invoice]), voucherStatuses: .only([.open, .paid]))

    @Test("pages are fetched lazily until the last one, elements in order")
    func elements() async throws {
        try await ScriptedHTTPServer.withServer(.replying(Self.voucherList(total: 23))) { server in
            let client = TestClients.client(for: server)
            var numbers: [String] = []
            for try await item in try client.voucherList.pages(filter, sort: .descending(.voucherDate), pageSize: 10)
                .elements
            {
                numbers.append(item.voucherNumber ?? "")
            }
            #expect(numbers == (0..<23).map { "RE\($0)" })
            #expect(server.requests.count == 3)
            #expect(
                server.requests.first?.query
                    == "voucherType=invoice&voucherStatus=open,paid&sort=voucherDate,DESC&page=0&size=10"
            )
        }
    }

    @Test("iterating pages reports paging metadata and stops after the last page")
    func pages() async throws {
        try await ScriptedHTTPServer.withServer(.replying(Self.voucherList(total: 5))) { server in
            var sizes: [Int] = []
            for try await page in try TestClients.client(for: server).voucherList.pages(filter, pageSize: 2) {
                sizes.append(page.content.count)
                #expect(page.totalElements == 5)
            }
            #expect(sizes == [2, 2, 1])
        }
    }

    @Test("an empty list ends after one request")
    func empty() async throws {
        try await ScriptedHTTPServer.withServer(.replying(Self.voucherList(total: 0))) { server in
            var count = 0
            for try await _ in try TestClients.client(for: server).voucherList.pages(filter).elements { count += 1 }
            #expect(count == 0)
            #expect(server.requests.count == 1)
        }
    }

    @Test("more than 10,000 matches fail clearly instead of stopping silently")
    func searchWindow() async throws {
        try await ScriptedHTTPServer.withServer(.replying(Self.voucherList(total: 12_000))) { server in
            var count = 0
            let error = await #expect(throws: LexofficeError.self) {
                for try await _ in try TestClients.client(for: server).voucherList.pages(filter, pageSize: 250).elements
                {
                    count += 1
                }
            }
            #expect(error?.code == .searchWindowExceeded)
            #expect(count == 10_000)  // everything inside the window was delivered first
            #expect(server.requests.count == 40)
        }
    }

    @Test("lexoffice's own window error maps to the same code")
    func serverWindowError() async throws {
        let body =
            #"{"timestamp":"2025-03-04T10:15:30.123+01:00","status":400,"error":"Bad Request","path":"/v1/voucherlist","traceId":"ab","message":"Maximum search window size exceeded"}"#
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(400, body) }) { server in
            let error = await #expect(throws: LexofficeError.self) {
                try await TestClients.client(for: server).voucherList.page(
                    filter,
                    page: PageRequest(page: 3, size: 250)
                )
            }
            #expect(error?.code == .searchWindowExceeded)
        }
    }
}
