import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// Query strings are form-encoded, as lexoffice reads them: `+` is a space, `%2B` a plus.
@Suite(.timeLimit(.minutes(1)))
struct QueryDecodingTests {
    private static func get(_ path: String, _ server: SandboxServer) async throws -> JSONValue? {
        let response = try await SandboxHarness.send("GET", server.baseURL + "/" + path, apiKey: server.defaultAPIKey)
        #expect(response.status == 200, "\(path): \(response.text)")
        return response.json
    }

    private static func contents(_ page: JSONValue?, _ member: String) -> [String] {
        guard case .array(let content)? = page?["content"] else { return [] }
        return content.compactMap { $0[member]?.stringValue ?? $0["company"]?[member]?.stringValue }
    }

    @Test("contacts: name=radhaus+nord finds Radhaus Nord GmbH; name=a%2Bb finds A+B Bau GmbH")
    func contactSearch() async throws {
        try await SandboxHarness.withSandbox { server, client in
            for name in ["Radhaus Nord GmbH", "A+B Bau GmbH", "A B Bau GmbH"] {
                _ = try await client.contacts.create(
                    Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), company: Company(name: name))
                )
            }
            #expect(
                Self.contents(try await Self.get("contacts?name=radhaus+nord", server), "name") == ["Radhaus Nord GmbH"]
            )
            #expect(Self.contents(try await Self.get("contacts?name=a%2Bb", server), "name") == ["A+B Bau GmbH"])
            #expect(Self.contents(try await Self.get("contacts?name=a+b+bau", server), "name") == ["A B Bau GmbH"])
        }
    }

    @Test("articles, vouchers and voucherlist read + as a space in their filters")
    func otherFilters() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            for number in ["KS 90", "KS+90"] {
                let created = try await SandboxHarness.send(
                    "POST",
                    server.baseURL + "/articles",
                    apiKey: server.defaultAPIKey,
                    body:
                        #"{"title":"Schloss","type":"PRODUCT","articleNumber":"\#(number)","unitName":"Stück","price":{"netPrice":10,"leadingPrice":"NET","taxRate":19}}"#
                )
                #expect(created.status == 201, "\(created.text)")
            }
            #expect(
                Self.contents(try await Self.get("articles?articleNumber=KS+90", server), "articleNumber") == ["KS 90"]
            )
            #expect(
                Self.contents(try await Self.get("articles?articleNumber=KS%2B90", server), "articleNumber") == [
                    "KS+90"
                ]
            )

            let voucher = try VoucherConformanceTests.fixture("voucher-create.json")
                .with(["voucherNumber": #""SHOP 1187""#])
            _ = try VoucherConformanceTests.createdID(try await VoucherConformanceTests.post(voucher, to: server))
            #expect(
                Self.contents(try await Self.get("vouchers?voucherNumber=SHOP+1187", server), "voucherNumber") == [
                    "SHOP 1187"
                ]
            )
            let listed = try await Self.get(
                "voucherlist?voucherType=any&voucherStatus=any&voucherNumber=SHOP+1187&sort=voucherNumber%2CASC",
                server
            )
            #expect(Self.contents(listed, "voucherNumber") == ["SHOP 1187"])
        }
    }
}
