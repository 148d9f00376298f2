import Foundation

/// Reads typed business terms out of elements, turning absent or unreadable values into ``EInvoiceError``s that
/// name the business term.
enum ElementReader {
    /// Text of an optional element.
    static func text(_ element: XMLElementNode?) -> String? { element?.nonEmptyText }

    /// Text of a mandatory element.
    static func requiredText(
        _ element: XMLElementNode?,
        _ field: String,
        _ what: String
    ) throws(EInvoiceError)
        -> String
    {
        guard let text = element?.nonEmptyText else {
            throw EInvoiceError(.missingField, field: field, detail: "The \(what) (\(field)) is missing.")
        }
        return text
    }

    /// An optional amount; present but unreadable is an error.
    static func amount(_ element: XMLElementNode?, _ field: String) throws(EInvoiceError) -> Decimal? {
        guard let text = element?.nonEmptyText else { return nil }
        guard let value = DecimalText.parse(text) else {
            throw EInvoiceError(.invalidValue, field: field, detail: "\(field) is not a decimal number.")
        }
        return value
    }

    /// A mandatory amount.
    static func requiredAmount(
        _ element: XMLElementNode?,
        _ field: String,
        _ what: String
    ) throws(EInvoiceError)
        -> Decimal
    {
        guard let value = try amount(element, field) else {
            throw EInvoiceError(.missingField, field: field, detail: "The \(what) (\(field)) is missing.")
        }
        return value
    }

    /// An optional date; present but unreadable is an error.
    static func date(_ element: XMLElementNode?, _ field: String) throws(EInvoiceError) -> CalendarDate? {
        guard let text = element?.nonEmptyText else { return nil }
        guard let date = CalendarDate(text) else {
            throw EInvoiceError(.invalidValue, field: field, detail: "\(field) is not a date (YYYYMMDD or YYYY-MM-DD).")
        }
        return date
    }

    /// Chooses, among elements of one amount, the one in `currency` (BT-110 may appear twice: in the invoice
    /// currency and in the VAT accounting currency, BT-111); an element without `currencyID` counts as invoice
    /// currency.
    static func inCurrency(_ elements: [XMLElementNode], _ currency: String) -> XMLElementNode? {
        elements.first { ($0.attributes["currencyID"] ?? currency) == currency }
    }
}
