import Foundation
import KontorTestSupport
import LexofficeKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct QueryEncodingTests {
    @Test("search text is HTML-escaped, then URL-encoded")
    func documentedExample() {
        #expect(QueryEncoding.htmlEscape("Rad & Tat") == "Rad &amp; Tat")
        #expect(QueryEncoding.percentEncode(QueryEncoding.htmlEscape("Rad & Tat")) == "Rad%20%26amp%3B%20Tat")
        #expect(QueryEncoding.percentEncode("<b>ä+/?=") == "%3Cb%3E%C3%A4%2B%2F%3F%3D")
        #expect(QueryEncoding.percentEncode("a-b.c_d~e,f") == "a-b.c_d~e,f")
        #expect(QueryEncoding.escapeWildcards("a_b%c") == #"a\_b\%c"#)
    }

    @Test("a + in a filter goes out as %2B, which lexoffice reads as a plus (a bare + would be a space)")
    func plusSign() async throws {
        let emptyPage =
            #"{"content":[],"first":true,"last":true,"totalPages":0,"totalElements":0,"numberOfElements":0}"#
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, emptyPage) }) { server in
            let client = TestClients.client(for: server)
            _ = try await client.contacts.page(ContactFilter(name: "A+B Bau"), page: PageRequest())
            _ = try await client.articles.page(ArticleFilter(articleNumber: "KS+90"), page: PageRequest())
            _ = try await client.voucherList.page(
                VoucherListFilter(voucherTypes: .any, voucherStatuses: .any, voucherNumber: "RE+1"),
                page: PageRequest()
            )
            _ = try await client.raw("GET", path: "contacts", query: [(name: "name", value: "A+B")])
            let queries = server.requests.map { $0.query ?? "" }
            #expect(queries[0] == "name=A%2BB%20Bau&page=0&size=25")
            #expect(queries[1] == "articleNumber=KS%2B90&page=0&size=25")
            #expect(queries[2] == "voucherType=any&voucherStatus=any&voucherNumber=RE%2B1&page=0&size=25")
            #expect(queries[3] == "name=A%2BB")
        }
    }

    @Test("contacts, vouchers and voucherlist send escaped search text; articles do not")
    func perEndpoint() async throws {
        let emptyPage =
            #"{"content":[],"first":true,"last":true,"totalPages":0,"totalElements":0,"numberOfElements":0}"#
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, emptyPage) }) { server in
            let client = TestClients.client(for: server)
            _ = try await client.contacts.page(ContactFilter(name: "Rad & Tat", customer: true), page: PageRequest())
            _ = try await client.vouchers.page(voucherNumber: "A&B<1>", page: PageRequest())
            _ = try await client.voucherList.page(
                VoucherListFilter(voucherTypes: .any, voucherStatuses: .any, voucherNumber: "RE & 1"),
                page: PageRequest()
            )
            _ = try await client.articles.page(ArticleFilter(articleNumber: "A&B"), page: PageRequest())
            let queries = server.requests.map { $0.query ?? "" }
            #expect(queries[0] == "name=Rad%20%26amp%3B%20Tat&customer=true&page=0&size=25")
            #expect(queries[1] == "voucherNumber=A%26amp%3BB%26lt%3B1%26gt%3B&page=0&size=25")
            #expect(queries[2] == "voucherType=any&voucherStatus=any&voucherNumber=RE%20%26amp%3B%201&page=0&size=25")
            #expect(queries[3] == "articleNumber=A%26B&page=0&size=25")
        }
    }
}
