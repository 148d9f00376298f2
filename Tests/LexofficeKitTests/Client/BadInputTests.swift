import Foundation
import KontorTestSupport
import LexofficeKit
import Testing

/// Invalid input fails with a typed error before anything reaches the network.
@Suite(.timeLimit(.minutes(1)))
struct BadInputTests {
    @Test("bad filters, page sizes, files and ids are rejected without a request")
    func rejectedLocally() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, "{}") }) { server in
            let client = TestClients.client(for: server)
            var errors: [LexofficeError] = []
            func capture(_ body: () async throws -> Void) async {
                do {
                    try await body()
                    Issue.record("expected an error")
                } catch let error as LexofficeError {
                    errors.append(error)
                } catch {
                    Issue.record("unexpected error \(error)")
                }
            }
            await capture { _ = try await client.contacts.page(ContactFilter(name: "ab"), page: PageRequest()) }
            await capture { _ = try await client.contacts.page(ContactFilter(email: ""), page: PageRequest()) }
            await capture { _ = try await client.contacts.page(page: PageRequest(size: 300)) }
            await capture { _ = try client.contacts.pages(pageSize: 0) }
            await capture { _ = try await client.contacts.page(page: PageRequest(page: -1)) }
            await capture {
                _ = try await client.voucherList.page(
                    VoucherListFilter(voucherTypes: .only([]), voucherStatuses: .any),
                    page: PageRequest()
                )
            }
            await capture {
                _ = try await client.voucherList.page(
                    VoucherListFilter(voucherTypes: .any, voucherStatuses: .only([.overdue, .open])),
                    page: PageRequest()
                )
            }
            await capture {
                _ = try await client.voucherList.page(
                    VoucherListFilter(
                        voucherTypes: .any,
                        voucherStatuses: .any,
                        voucherDateFrom: try PlainDate("2025-03-31"),
                        voucherDateTo: try PlainDate("2025-03-01")
                    ),
                    page: PageRequest()
                )
            }
            await capture { _ = try await client.vouchers.page(voucherNumber: "", page: PageRequest()) }
            let sixMegabytes = Data(repeating: 0x25, count: 6 * 1024 * 1024)
            await capture { _ = try await client.files.upload(try FileUpload(data: sixMegabytes, fileName: "big.pdf")) }
            await capture { _ = try FileUpload(data: Data("x".utf8), fileName: "no-extension") }
            await capture { _ = try FileUpload(data: Data(), fileName: "empty.pdf") }
            await capture { _ = try await client.invoices.get(try LexofficeID("not-a-uuid")) }
            #expect(errors.count == 13)
            #expect(errors.allSatisfy { $0.code == .invalidArgument })
            #expect(
                errors.map(\.field) == [
                    "name", "email", "size", "size", "page", "voucherType", "voucherStatus", "voucherDateTo",
                    "voucherNumber", "file", "fileName", "file", "id",
                ]
            )
            #expect(server.requests.isEmpty, "no request may reach the server")
        }
    }

    @Test("a page beyond the 10,000-element window is refused before sending")
    func searchWindow() async throws {
        let error = #expect(throws: LexofficeError.self) { try PageRequest(page: 40, size: 250) }
        #expect(error?.code == .searchWindowExceeded)
        #expect(error?.detail.contains("10000") == true)
        #expect(try PageRequest(page: 39, size: 250).page == 39)
    }
}
