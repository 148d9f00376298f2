import Foundation
import KontorCore
import KontorTestSupport

/// Invoices for the tests that compare hand-written JSON code with Foundation's coders.
enum SourceInvoiceFixtures {
    /// Every property of every part set, so that each key's place is checked.
    static let complete = SourceInvoice(
        number: "R-1",
        date: "2026-03-10",
        dueDate: "2026-03-24",
        paymentTermDays: 14,
        taxType: "net",
        status: "finalized",
        cancels: "R-0",
        title: "Rechnung",
        introduction: "Guten Tag",
        remark: "Danke",
        currency: "EUR",
        customer: SourceCustomer(
            sourceId: "K-1",
            lexofficeContactId: "c0ffee00-0000-4000-8000-000000000001",
            company: SourceCompany(name: "Radhaus GmbH", vatRegistrationId: "DE123456789", taxNumber: "12/345/67890"),
            person: SourcePerson(salutation: "Frau", firstName: "Inge", lastName: "Wolf"),
            address: SourceAddress(
                supplement: "Hof",
                street: "Lindenallee 7",
                zip: "22041",
                city: "Hamburg",
                countryCode: "DE"
            ),
            email: "rechnung@radhaus.example",
            phone: "+49 40 1234",
            buyerReference: "04011000-12345-67",
            vendorNumberAtCustomer: "L-9"
        ),
        lineItems: [
            SourceLineItem(
                name: "Wartung",
                description: "Hydraulik",
                quantity: Decimal(string: "2.5")!,
                unitName: "Stunde",
                unitPrice: SourceUnitPrice(net: 85, gross: Decimal(string: "101.15")!),
                taxRatePercent: 19,
                discountPercent: 10
            ),
            SourceLineItem(
                name: "Buch",
                quantity: 1,
                unitName: "Stück",
                unitPrice: SourceUnitPrice(gross: Decimal(string: "39.9")!),
                taxRatePercent: 7
            ),
        ],
        totalDiscountPercent: 5,
        pdf: "JVBERi0xLjQK/+/=",
        totals: SourceTotals(net: Decimal(string: "227.5")!, gross: Decimal(string: "264.6")!),
        paymentStatus: "open"
    )

    /// `count` invoices made from ``complete`` with random texts (escapes, non-ASCII), numbers and absent parts; the
    /// same ones for the same `seed`.
    static func randomInvoices(count: Int, seed: UInt64) -> [SourceInvoice] {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["a", "Z", " ", "/", "\\", "\"", "\n", "\u{1}", "ä", "€", "😀", "R-", "0", "\t"]
        func text() -> String {
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &generator) ? value() : nil }
        func decimal() -> Decimal {
            Decimal(Int.random(in: -100_000...100_000, using: &generator))
                / Decimal(sign: .plus, exponent: Int.random(in: 0...4, using: &generator), significand: 1)
        }
        return (0..<count).map { _ in
            var invoice = complete
            invoice.number = text()
            invoice.dueDate = maybe(text())
            invoice.paymentTermDays = maybe(Int.random(in: -1000...1000, using: &generator))
            invoice.cancels = maybe(text())
            invoice.title = maybe(text())
            invoice.introduction = maybe(text())
            invoice.remark = maybe(text())
            invoice.currency = maybe(text())
            invoice.totalDiscountPercent = maybe(decimal())
            invoice.pdf = maybe(text())
            invoice.totals = maybe(SourceTotals(net: maybe(decimal()), gross: maybe(decimal())))
            invoice.paymentStatus = maybe(text())
            invoice.customer.company = maybe(SourceCompany(name: text(), vatRegistrationId: maybe(text())))
            invoice.customer.person = maybe(SourcePerson(firstName: maybe(text()), lastName: text()))
            invoice.customer.address = maybe(
                SourceAddress(street: maybe(text()), city: maybe(text()), countryCode: text())
            )
            invoice.customer.email = maybe(text())
            invoice.lineItems = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                SourceLineItem(
                    name: text(),
                    description: maybe(text()),
                    quantity: decimal(),
                    unitName: text(),
                    unitPrice: SourceUnitPrice(net: maybe(decimal()), gross: maybe(decimal())),
                    taxRatePercent: decimal(),
                    discountPercent: maybe(decimal())
                )
            }
            return invoice
        }
    }
}
