import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `deliveryTerms` of order confirmations and delivery notes: at most 255 characters.
@Suite(.timeLimit(.minutes(1)))
struct DeliveryTermsTests {
    private typealias Sales = SalesVoucherConformanceTests

    @Test("255 characters of delivery terms are accepted, 256 refused with 406 on deliveryTerms")
    func limit() async throws {
        try await SandboxHarness.withSandbox { _, client in
            var confirmation = OrderConfirmation(
                voucherDate: try Sales.day("2025-03-10"),
                address: SalesVoucherAddress(name: "Muster Werkstatt GmbH", countryCode: "DE"),
                lineItems: [Sales.line("Wartung", 1, net: 100, rate: 19)],
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net),
                shippingConditions: ShippingConditions(shippingType: .noShippingDate)
            )
            confirmation.deliveryTerms = String(repeating: "a", count: 255)
            _ = try await client.orderConfirmations.create(confirmation)
            confirmation.deliveryTerms = String(repeating: "a", count: 256)
            let refused = await #expect(throws: LexofficeError.self) {
                try await client.orderConfirmations.create(confirmation)
            }
            #expect(refused?.status == 406)
            #expect(refused?.field == "deliveryTerms")
        }
    }
}
