import Foundation
import LexofficeKit
import Testing

struct ValueCodingTests {
    private struct Amounts: Codable, Equatable {
        var netAmount: Decimal
        var quantity: Decimal
        var total: Decimal
    }

    @Test("money and quantities decode and encode exactly as Decimal")
    func decimals() throws {
        let json = #"{"netAmount":74.7899,"quantity":0.1,"total":12345678901234.5678}"#
        let amounts = try JSONDecoder().decode(Amounts.self, from: Data(json.utf8))
        #expect(amounts.netAmount == Decimal(string: "74.7899"))
        #expect(amounts.quantity == Decimal(string: "0.1"))
        #expect(amounts.total == Decimal(string: "12345678901234.5678"))
        let sum = amounts.quantity * 3
        #expect(sum == Decimal(string: "0.3"))  // a Double would give 0.30000000000000004
        let encoded = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(amounts))
        #expect(encoded["netAmount"] == .number(Decimal(string: "74.7899")!))
        #expect(encoded["total"] == .number(Decimal(string: "12345678901234.5678")!))
    }

    @Test("ids are validated, lower-cased and rejected when malformed")
    func ids() throws {
        let id = try LexofficeID("0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0")
        #expect(id.rawValue == "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")
        for bad in [
            "", "42", "0f1e2d3c4b5a49688776a5b4c3d2e1f0", "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1fg", "../contacts",
        ] {
            let error = #expect(throws: LexofficeError.self) { try LexofficeID(bad) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.field == "id")
        }
    }

    @Test("unknown enum values survive decoding and encoding")
    func openEnums() throws {
        let status = try JSONDecoder().decode(VoucherStatus.self, from: Data(#""archivedByRobot""#.utf8))
        #expect(status.rawValue == "archivedByRobot")
        #expect(!status.isDocumented)
        #expect(VoucherStatus.paidOff.isDocumented)
        #expect(String(decoding: try JSONEncoder().encode(status), as: UTF8.self) == #""archivedByRobot""#)
        #expect(TaxType.documentedValues.count == 9)
    }

    @Test("secrets never show their value")
    func secrets() {
        let secret = Secret("lxo-super-secret")
        #expect(secret.description == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        #expect(!"\(secret)".contains("super"))
        #expect(!String(describing: [secret]).contains("super"))
        #expect(secret.revealed == "lxo-super-secret")
    }
}
