import Foundation

/// Writes an XRechnung 3.0 e-invoice (UBL 2.1 `Invoice`, EN 16931 CIUS) for ``XRechnungData``.
///
/// Amounts print with two decimals, unit prices with two to four, all with a decimal point. Tax categories:
/// a rate above 0 % is `S` (standard rate). 0 % is `E` (exempt) with ``XRechnungData/zeroRateExemptionReason`` as
/// the exemption reason (small businesses under § 19 UStG, for example) when one is given, else `Z` (zero rated),
/// which needs no reason. Reverse charge (`AE`) and intra-community supplies (`K`) are never written: lexoffice makes
/// XRechnung invoices only with tax type `net`. The totals assume no document-level discount or charge.
struct XRechnungWriter: Sendable {
    /// The specification identifier (BT-24) of XRechnung 3.0.
    static let customizationID = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
    /// The business process (BT-23): billing in the Peppol sense, as XRechnung recommends.
    static let profileID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"

    init() {}

    /// The UBL XML of `invoice`, UTF-8 encoded.
    func xml(for invoice: XRechnungData) -> Data {
        var xml = XMLText()
        xml.element(
            "Invoice",
            attributes: [
                ("xmlns", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"),
                ("xmlns:cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"),
                ("xmlns:cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"),
            ]
        ) { xml in
            xml.leaf("cbc:CustomizationID", Self.customizationID)
            xml.leaf("cbc:ProfileID", Self.profileID)
            xml.leaf("cbc:ID", invoice.invoiceNumber)
            xml.leaf("cbc:IssueDate", invoice.issueDate)
            xml.leaf("cbc:DueDate", invoice.dueDate)
            xml.leaf("cbc:InvoiceTypeCode", "380")  // commercial invoice
            xml.leaf("cbc:Note", invoice.note)
            xml.leaf("cbc:DocumentCurrencyCode", "EUR")
            xml.leaf("cbc:BuyerReference", invoice.buyerReference)
            writeSeller(invoice.seller, to: &xml)
            writeBuyer(invoice.buyer, buyerReference: invoice.buyerReference, to: &xml)
            if let deliveryDate = invoice.deliveryDate {
                xml.element("cac:Delivery") { $0.leaf("cbc:ActualDeliveryDate", deliveryDate) }
            }
            writePayment(invoice, to: &xml)
            writeTaxTotal(invoice, to: &xml)
            writeMonetaryTotal(invoice, to: &xml)
            for (index, line) in invoice.lines.enumerated() {
                writeLine(line, number: index + 1, invoice: invoice, to: &xml)
            }
        }
        return Data(xml.text.utf8)
    }

    /// The UN/ECE Recommendation 20 code for a lexoffice unit name (`Stück` → `H87`, `Stunde` → `HUR`,
    /// `Pauschal` → `LS`); `C62` ("one") for names it does not know.
    static func unitCode(forUnitName name: String) -> String {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        return unitCodes.first { $0.names.contains(key) }?.code ?? "C62"
    }

    private static let unitCodes: [(code: String, names: Set<String>)] = [
        ("H87", ["stück", "stk", "stk.", "st", "st.", "stck", "stck."]),
        ("HUR", ["stunde", "stunden", "std", "std.", "h"]),
        ("MIN", ["minute", "minuten", "min", "min."]),
        ("DAY", ["tag", "tage", "tg."]),
        ("WEE", ["woche", "wochen"]),
        ("MON", ["monat", "monate"]),
        ("ANN", ["jahr", "jahre"]),
        ("LS", ["pauschal", "pauschale", "psch.", "pauschbetrag"]),
        ("KGM", ["kg", "kilogramm"]),
        ("GRM", ["g", "gramm"]),
        ("TNE", ["t", "tonne", "tonnen"]),
        ("MTR", ["m", "meter"]),
        ("KMT", ["km", "kilometer"]),
        ("MTK", ["m²", "m2", "qm", "quadratmeter"]),
        ("MTQ", ["m³", "m3", "cbm", "kubikmeter"]),
        ("LTR", ["l", "liter"]),
        ("SET", ["set", "sets"]),
        ("PK", ["paket", "pakete", "packung", "pck."]),
    ]

    private func writeSeller(_ seller: XRechnungData.Seller, to xml: inout XMLText) {
        xml.element("cac:AccountingSupplierParty") { xml in
            xml.element("cac:Party") { xml in
                xml.leaf("cbc:EndpointID", seller.email, attributes: [("schemeID", "EM")])
                writeAddress(
                    street: seller.street,
                    zip: seller.zip,
                    city: seller.city,
                    countryCode: seller.countryCode,
                    to: &xml
                )
                for (id, scheme) in [(seller.vatID, "VAT"), (seller.taxNumber, "FC")] {
                    guard let id else { continue }
                    xml.element("cac:PartyTaxScheme") { xml in
                        xml.leaf("cbc:CompanyID", id)
                        xml.element("cac:TaxScheme") { $0.leaf("cbc:ID", scheme) }
                    }
                }
                xml.element("cac:PartyLegalEntity") { $0.leaf("cbc:RegistrationName", seller.name) }
                xml.element("cac:Contact") { xml in
                    xml.leaf("cbc:Name", seller.contactName ?? seller.name)
                    xml.leaf("cbc:Telephone", seller.phone)
                    xml.leaf("cbc:ElectronicMail", seller.email)
                }
            }
        }
    }

    private func writeBuyer(_ buyer: XRechnungData.Buyer, buyerReference: String, to xml: inout XMLText) {
        xml.element("cac:AccountingCustomerParty") { xml in
            xml.element("cac:Party") { xml in
                // Without an e-mail address the Leitweg-ID is the buyer's electronic address (scheme 0204).
                let endpoint = buyer.email.map { ($0, "EM") } ?? (buyerReference, "0204")
                xml.leaf("cbc:EndpointID", endpoint.0, attributes: [("schemeID", endpoint.1)])
                writeAddress(
                    street: buyer.street,
                    zip: buyer.zip,
                    city: buyer.city,
                    countryCode: buyer.countryCode,
                    to: &xml
                )
                xml.element("cac:PartyLegalEntity") { $0.leaf("cbc:RegistrationName", buyer.name) }
                if let email = buyer.email {
                    xml.element("cac:Contact") { $0.leaf("cbc:ElectronicMail", email) }
                }
            }
        }
    }

    private func writeAddress(street: String?, zip: String, city: String, countryCode: String, to xml: inout XMLText) {
        xml.element("cac:PostalAddress") { xml in
            xml.leaf("cbc:StreetName", street)
            xml.leaf("cbc:CityName", city)
            xml.leaf("cbc:PostalZone", zip)
            xml.element("cac:Country") { $0.leaf("cbc:IdentificationCode", countryCode) }
        }
    }

    private func writePayment(_ invoice: XRechnungData, to xml: inout XMLText) {
        xml.element("cac:PaymentMeans") { xml in
            // 58 = SEPA credit transfer; 1 = instrument not defined.
            xml.leaf("cbc:PaymentMeansCode", invoice.iban == nil ? "1" : "58")
            xml.leaf("cbc:PaymentID", invoice.invoiceNumber)
            if let iban = invoice.iban {
                xml.element("cac:PayeeFinancialAccount") { xml in
                    xml.leaf("cbc:ID", iban.replacingOccurrences(of: " ", with: ""))
                    xml.leaf("cbc:Name", invoice.seller.name)
                    if let bic = invoice.bic {
                        xml.element("cac:FinancialInstitutionBranch") { $0.leaf("cbc:ID", bic) }
                    }
                }
            }
        }
        if let paymentTerms = invoice.paymentTerms {
            xml.element("cac:PaymentTerms") { $0.leaf("cbc:Note", paymentTerms) }
        }
    }

    private func writeTaxTotal(_ invoice: XRechnungData, to xml: inout XMLText) {
        xml.element("cac:TaxTotal") { xml in
            xml.amount("cbc:TaxAmount", invoice.totalTax)
            for subtotal in invoice.taxSubtotals {
                xml.element("cac:TaxSubtotal") { xml in
                    xml.amount("cbc:TaxableAmount", subtotal.taxableAmount)
                    xml.amount("cbc:TaxAmount", subtotal.taxAmount)
                    let category = taxCategory(forRate: subtotal.taxRate, invoice: invoice)
                    writeTaxCategory("cac:TaxCategory", category, rate: subtotal.taxRate, to: &xml) { xml in
                        if category == "E" { xml.leaf("cbc:TaxExemptionReason", invoice.zeroRateExemptionReason) }
                    }
                }
            }
        }
    }

    private func writeMonetaryTotal(_ invoice: XRechnungData, to xml: inout XMLText) {
        let lineTotal = invoice.lines.reduce(Decimal.zero) { $0 + $1.netAmount }
        xml.element("cac:LegalMonetaryTotal") { xml in
            xml.amount("cbc:LineExtensionAmount", lineTotal)
            xml.amount("cbc:TaxExclusiveAmount", invoice.totalNet)
            xml.amount("cbc:TaxInclusiveAmount", invoice.totalGross)
            xml.amount("cbc:PayableAmount", invoice.totalGross)
        }
    }

    private func writeLine(_ line: XRechnungData.Line, number: Int, invoice: XRechnungData, to xml: inout XMLText) {
        xml.element("cac:InvoiceLine") { xml in
            xml.leaf("cbc:ID", "\(number)")
            xml.leaf(
                "cbc:InvoicedQuantity",
                decimalText(line.quantity, minimumDecimals: 0, maximumDecimals: 4),
                attributes: [("unitCode", line.unitCode)]
            )
            xml.amount("cbc:LineExtensionAmount", line.netAmount)
            xml.element("cac:Item") { xml in
                xml.leaf("cbc:Description", line.description)
                xml.leaf("cbc:Name", line.name)
                let category = taxCategory(forRate: line.taxRate, invoice: invoice)
                writeTaxCategory("cac:ClassifiedTaxCategory", category, rate: line.taxRate, to: &xml) { _ in }
            }
            xml.element("cac:Price") { xml in
                let price = decimalText(line.netPrice, minimumDecimals: 2, maximumDecimals: 4)
                xml.leaf("cbc:PriceAmount", price, attributes: [("currencyID", "EUR")])
            }
        }
    }

    private func writeTaxCategory(
        _ element: String,
        _ category: String,
        rate: Decimal,
        to xml: inout XMLText,
        exemption: (inout XMLText) -> Void
    ) {
        xml.element(element) { xml in
            xml.leaf("cbc:ID", category)
            xml.leaf("cbc:Percent", decimalText(rate, minimumDecimals: 0, maximumDecimals: 2))
            exemption(&xml)
            xml.element("cac:TaxScheme") { $0.leaf("cbc:ID", "VAT") }
        }
    }

    /// The VAT category code (UNCL 5305) for a rate; see the type's documentation.
    private func taxCategory(forRate rate: Decimal, invoice: XRechnungData) -> String {
        if rate > 0 { return "S" }
        return invoice.zeroRateExemptionReason == nil ? "Z" : "E"
    }
}

/// An XML document built element by element, indented by two spaces, with text and attributes escaped.
private struct XMLText {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    mutating func element(
        _ name: String,
        attributes: [(String, String)] = [],
        _ content: (inout XMLText) -> Void
    ) {
        text += indentation + "<" + name + attributeText(attributes) + ">\n"
        depth += 1
        content(&self)
        depth -= 1
        text += indentation + "</" + name + ">\n"
    }

    /// An element holding only `value`; nothing when `value` is `nil`.
    mutating func leaf(_ name: String, _ value: String?, attributes: [(String, String)] = []) {
        guard let value else { return }
        text += indentation + "<" + name + attributeText(attributes) + ">" + escaped(value) + "</" + name + ">\n"
    }

    /// An amount in euros with two decimals.
    mutating func amount(_ name: String, _ value: Decimal) {
        leaf(name, decimalText(value, minimumDecimals: 2, maximumDecimals: 2), attributes: [("currencyID", "EUR")])
    }

    private var indentation: String { String(repeating: "  ", count: depth) }

    private func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escaped($0.1))\"" }.joined()
    }

    /// `value` safe for element text and double-quoted attributes; control characters XML 1.0 forbids become
    /// spaces.
    private func escaped(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// `value` rounded half-up to `maximumDecimals`, with at least `minimumDecimals`, a point and no grouping
/// (`1234.5`, `19`, `4.491`), independent of the locale.
private func decimalText(_ value: Decimal, minimumDecimals: Int, maximumDecimals: Int) -> String {
    var input = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &input, maximumDecimals, .plain)
    let parts = rounded.description.split(separator: ".", omittingEmptySubsequences: false)
    let whole = parts[0]
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    while fraction.count > minimumDecimals, fraction.hasSuffix("0") { fraction.removeLast() }
    fraction += String(repeating: "0", count: max(0, minimumDecimals - fraction.count))
    return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
}
