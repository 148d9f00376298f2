import Foundation
import LexofficeKit

extension SourceInvoice {
    /// The body of `POST /v1/invoices` for this invoice.
    ///
    /// Precondition: the invoice is valid (``validationIssues(sourceID:)`` is empty); an invalid ``date`` traps.
    ///
    /// - With `contactID`, the address is only `{"contactId": …}`: lexoffice prints the contact's billing address.
    ///   When the customer has a ``SourceCustomer/buyerReference``, the invoice sends it as `xRechnung`, which
    ///   makes it an XRechnung (the contact needs the buyer reference and the vendor number, see
    ///   ``SourceCustomer/lexofficeContact()``).
    /// - Without `contactID`, the address is the customer's, inline (lexoffice books it on the collective
    ///   customer); no `xRechnung`, because lexoffice makes XRechnungs only for a referenced contact.
    /// - The total discount is always sent (0 when the source gives none), so that a contact's default discount
    ///   cannot change the amounts the source invoiced.
    /// - `shippingConditions` is a service on the invoice date: a German invoice must state the date of service,
    ///   and lexoffice then prints "Leistungsdatum entspricht Rechnungsdatum".
    /// - `paymentConditions` is `nil` (the contact's or organization's default) when the source gives neither
    ///   ``paymentTermDays`` nor ``dueDate``.
    /// - Throws: ``SourceInvoiceMappingError`` when the invoice was not validated (its date is not a day).
    package func lexofficeInvoice(contactID: LexofficeID?) throws(SourceInvoiceMappingError) -> Invoice {
        guard let invoiceDate else {
            throw SourceInvoiceMappingError(
                detail: "the invoice date '\(date)' is not a day; validate the invoice first"
            )
        }
        let voucherDate = invoiceDate.lexofficeMidnight
        let taxType = TaxType(rawValue: taxType)
        return Invoice(
            voucherDate: voucherDate,
            address: lexofficeAddress(contactID: contactID),
            lineItems: lineItems.map { $0.lexofficeLineItem(usesGrossPrices: taxType == .gross) },
            totalPrice: TotalPrice(currency: .euro, totalDiscountPercentage: totalDiscountPercent ?? 0),
            taxConditions: TaxConditions(taxType: taxType),
            shippingConditions: ShippingConditions(shippingType: .service, shippingDate: voucherDate),
            xRechnung: lexofficeXRechnung(contactID: contactID),
            paymentConditions: lexofficePaymentConditions(from: invoiceDate),
            title: title,
            introduction: introduction,
            remark: remark
        )
    }

    /// The recipient: the contact alone, or the customer's address inline.
    private func lexofficeAddress(contactID: LexofficeID?) -> SalesVoucherAddress {
        if let contactID {
            return SalesVoucherAddress(contactId: contactID)
        }
        let address = customer.address
        return SalesVoucherAddress(
            name: customer.displayName,
            supplement: address?.supplement,
            street: address?.street,
            city: address?.city,
            zip: address?.zip,
            countryCode: address?.countryCode
        )
    }

    /// The buyer reference for a referenced contact, when the customer has one.
    private func lexofficeXRechnung(contactID: LexofficeID?) -> XRechnungReference? {
        guard contactID != nil, let buyerReference = customer.buyerReference, !buyerReference.isEmpty else {
            return nil
        }
        return XRechnungReference(buyerReference: buyerReference)
    }

    /// The payment term from ``paymentTermDays`` or from the days between the invoice date and ``dueDate``.
    private func lexofficePaymentConditions(from invoiceDate: SourceDate) -> PaymentConditions? {
        let days: Int
        if let paymentTermDays {
            days = paymentTermDays
        } else if let paymentDueDate {
            days = invoiceDate.days(until: paymentDueDate)
        } else {
            return nil
        }
        return PaymentConditions(paymentTermLabel: Self.paymentTermLabel(days: days), paymentTermDuration: days)
    }

    /// The printed payment term, for example `Zahlbar innerhalb von 14 Tagen`.
    private static func paymentTermLabel(days: Int) -> String {
        switch days {
        case 0: "Zahlbar sofort ohne Abzug"
        case 1: "Zahlbar innerhalb von 1 Tag"
        default: "Zahlbar innerhalb von \(days) Tagen"
        }
    }
}

extension SourceCustomer {
    /// The name lexoffice prints: the company's name, or the person's `firstName lastName`; `nil` for a customer
    /// given only by ``lexofficeContactId``.
    fileprivate var displayName: String? {
        if let company {
            return company.name
        }
        guard let person else { return nil }
        return [person.firstName, person.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension SourceLineItem {
    /// A `custom` line; the unit price is gross with tax type gross and net otherwise, as lexoffice requires.
    fileprivate func lexofficeLineItem(usesGrossPrices: Bool) -> LineItem {
        LineItem(
            type: .custom,
            name: name,
            description: description,
            quantity: quantity,
            unitName: unitName,
            unitPrice: UnitPrice(
                currency: .euro,
                taxRatePercentage: taxRatePercent,
                netAmount: usesGrossPrices ? nil : unitPrice.net,
                grossAmount: usesGrossPrices ? unitPrice.gross : nil
            ),
            discountPercentage: discountPercent
        )
    }
}

extension SourceDate {
    /// Midnight of this day in Europe/Berlin, as lexoffice writes business dates (`2026-03-10T00:00:00.000+01:00`).
    fileprivate var lexofficeMidnight: LexofficeDateTime {
        do {
            return LexofficeDateTime(localMidnightOf: try PlainDate(year: year, month: month, day: day))
        } catch {
            // Unreachable: a SourceDate, like a PlainDate, is a Gregorian day of the years 1...9999.
            preconditionFailure("SourceDate \(self) is not a PlainDate")
        }
    }

    /// The number of calendar days from this day to `later` (negative when `later` is earlier).
    fileprivate func days(until later: SourceDate) -> Int {
        let milliseconds =
            later.lexofficeMidnight.millisecondsSince1970 - lexofficeMidnight.millisecondsSince1970
        // Midnights differ by whole days plus or minus the daylight saving hour: round to the nearest day.
        let millisecondsPerDay: Int64 = 86_400_000
        let rounded =
            milliseconds >= 0
            ? (milliseconds + millisecondsPerDay / 2) / millisecondsPerDay
            : (milliseconds - millisecondsPerDay / 2) / millisecondsPerDay
        return Int(rounded)
    }
}

/// A source invoice that cannot be turned into a lexoffice invoice because it skipped validation.
package struct SourceInvoiceMappingError: Error, Equatable, Sendable {
    /// What is wrong, for logs and the transfer's step log.
    package var detail: String
}
