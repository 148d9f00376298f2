import Foundation
import HashTreeCollections
import LexofficeKit

/// lexoffice's create rules for sales vouchers that are not already enforced by decoding the model.
struct SalesVoucherValidation {
    let kind: SalesVoucherKind
    let organization: Organization

    /// Date-time fields must have exactly the documented form (`yyyy-MM-ddTHH:mm:ss.SSSXXX`).
    static func dateFailures(in body: JSONValue) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        for field in ["voucherDate", "expirationDate"] {
            if let value = body[field], !isExactDateTime(value) { failures.append(.invalidDate(field)) }
        }
        for field in ["shippingDate", "shippingEndDate"] {
            if let value = body["shippingConditions"]?[field], !isExactDateTime(value) {
                failures.append(.invalidDate("shippingConditions.\(field)"))
            }
        }
        return failures
    }

    /// Every violation of the document's content rules.
    func failures(in document: any SimulatedSalesDocument) -> [ValidationFailure] {
        var failures = addressFailures(document) + textFailures(document) + taxFailures(document)
        if document.lineItems.isEmpty { failures.append(.missing("lineItems")) }
        if document.lineItems.count > 300 { failures.append(.tooLong("lineItems", max: 300)) }
        let rates = validRates(for: document)
        for (index, item) in document.lineItems.enumerated() {
            failures += lineItemFailures(
                item,
                path: "lineItems[\(index)]",
                taxType: document.taxConditions.taxType,
                rates: rates
            )
        }
        if let shipping = document.shipping { failures += shippingFailures(shipping) }
        if kind.hasTotals, document.totals?.currency != .euro { failures.append(.invalid("totalPrice.currency")) }
        if case .invoice(let invoice) = document.stored { failures += xRechnungFailures(invoice) }
        return failures
    }

    /// XRechnung rules (invoices.md): a sent buyer reference needs a contact with Leitweg-ID and supplier number;
    /// an XRechnung invoice needs tax type `net` and a billing address with zip and city.
    private func xRechnungFailures(_ invoice: Invoice) -> [ValidationFailure] {
        let contact = invoice.address.contactId.flatMap { organization.contacts[$0] }
        let contactIsXRechnung =
            contact?.xRechnung?.buyerReference?.isEmpty == false
            && contact?.xRechnung?.vendorNumberAtCustomer?.isEmpty == false
        if let reference = invoice.xRechnung {
            if reference.buyerReference.isEmpty { return [] }  // "" opts an XRechnung contact out
            guard contactIsXRechnung else {
                return [.invalid("xRechnung.buyerReference", "Der Kontakt hat keine Leitweg-ID und Lieferantennummer")]
            }
        }
        guard contactIsXRechnung, let contact else { return [] }
        var failures: [ValidationFailure] = []
        if invoice.taxConditions.taxType != .net {
            failures.append(.invalid("taxConditions.taxType", "XRechnung erfordert die Steuerart net"))
        }
        let billing = contact.addresses?.billing?.first
        if (billing?.zip ?? "").isEmpty || (billing?.city ?? "").isEmpty {
            failures.append(.invalid("address.contactId", "XRechnung erfordert eine Rechnungsadresse mit PLZ und Ort"))
        }
        return failures
    }

    private func addressFailures(_ document: any SimulatedSalesDocument) -> [ValidationFailure] {
        let address = document.address
        if let contactID = address.contactId {
            guard let contact = organization.contacts[contactID] else {
                return [.invalid("address.contactId", "Kontakt existiert nicht")]
            }
            return contact.roles.customer == nil ? [.invalid("address.contactId", "Kontakt ist kein Kunde")] : []
        }
        var failures: [ValidationFailure] = []
        if (address.name ?? "").isEmpty { failures.append(.missing("address.name")) }
        if let code = address.countryCode, !code.isEmpty {
            if !SeedData.countries.contains(where: { $0.countryCode == code }) {
                failures.append(.invalid("address.countryCode", "unbekannter Ländercode"))
            }
        } else {
            failures.append(.missing("address.countryCode"))
        }
        return failures
    }

    private func textFailures(_ document: any SimulatedSalesDocument) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        if (document.title?.count ?? 0) > 25 { failures.append(.tooLong("title", max: 25)) }
        if (document.introduction?.count ?? 0) > 2000 { failures.append(.tooLong("introduction", max: 2000)) }
        if (document.remark?.count ?? 0) > 2000 { failures.append(.tooLong("remark", max: 2000)) }
        let deliveryTerms: String? =
            switch document.stored {
            case .orderConfirmation(let confirmation): confirmation.deliveryTerms
            case .deliveryNote(let note): note.deliveryTerms
            default: nil
            }
        if (deliveryTerms?.count ?? 0) > 255 { failures.append(.tooLong("deliveryTerms", max: 255)) }
        return failures
    }

    private func taxFailures(_ document: any SimulatedSalesDocument) -> [ValidationFailure] {
        let taxType = document.taxConditions.taxType
        guard taxType.isDocumented else { return [.invalid("taxConditions.taxType")] }
        var failures: [ValidationFailure] = []
        if organization.profile.smallBusiness == true, taxType != .vatFree {
            failures.append(
                .invalid("taxConditions.taxType", "Kleinunternehmer dürfen nur steuerfreie Belege erstellen")
            )
        }
        if ![TaxType.net, .gross, .vatFree].contains(taxType), document.address.contactId == nil {
            failures.append(.invalid("address.contactId", "Diese Steuerart erfordert einen Kontakt"))
        }
        return failures + euFailures(document)
    }

    /// EU rules: `taxSubType` (distance sales, electronic services) only with `net`/`gross` for a recipient in
    /// another member state; an intra-community supply only to another member state.
    private func euFailures(_ document: any SimulatedSalesDocument) -> [ValidationFailure] {
        let conditions = document.taxConditions
        let country = recipientCountry(of: document)
        let isOtherMemberState =
            SeedData.countries.first { $0.countryCode == country }?.taxClassification == .intraCommunity
        var failures: [ValidationFailure] = []
        if let subType = conditions.taxSubType {
            if !subType.isDocumented {
                failures.append(.invalid("taxConditions.taxSubType"))
            } else if ![TaxType.net, .gross].contains(conditions.taxType) {
                failures.append(.invalid("taxConditions.taxSubType", "nur mit der Steuerart net oder gross"))
            } else if !isOtherMemberState {
                failures.append(.invalid("taxConditions.taxSubType", "nur für Empfänger in anderen EU-Ländern"))
            }
        }
        if conditions.taxType == .intraCommunitySupply, !isOtherMemberState {
            failures.append(.invalid("taxConditions.taxType", "nur für Empfänger in anderen EU-Ländern"))
        }
        return failures
    }

    /// The recipient's country: the one sent in the address, else the referenced contact's (delivery notes:
    /// shipping before billing address), else Germany.
    private func recipientCountry(of document: any SimulatedSalesDocument) -> String {
        if let code = document.address.countryCode, !code.isEmpty { return code }
        let addresses = document.address.contactId.flatMap { organization.contacts[$0] }?.addresses
        let preferred =
            document.kind == .deliveryNote
            ? (addresses?.shipping?.first ?? addresses?.billing?.first) : addresses?.billing?.first
        return preferred?.countryCode ?? "DE"
    }

    /// The rates the lines may use: the destination country's for distance sales and electronic services when
    /// the organization taxes at destination, else the German rates of the document's relevant date.
    private func validRates(for document: any SimulatedSalesDocument) -> Set<Decimal> {
        if document.taxConditions.taxSubType != nil, organization.profile.distanceSalesPrinciple == .destination,
            let rates = EUTaxRates.rates(for: recipientCountry(of: document))
        {
            return rates
        }
        return Self.validRates(on: Self.relevantDate(of: document))
    }

    private func lineItemFailures(
        _ item: LineItem,
        path: String,
        taxType: TaxType,
        rates: Set<Decimal>
    ) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        guard item.type.isDocumented else { return [.invalid(path + ".type")] }
        if (item.name ?? "").isEmpty { failures.append(.missing(path + ".name")) }
        if (item.name?.count ?? 0) > 255 { failures.append(.tooLong(path + ".name", max: 255)) }
        if (item.description?.count ?? 0) > 2000 { failures.append(.tooLong(path + ".description", max: 2000)) }
        guard item.type != .text else { return failures }
        if item.type == .service || item.type == .material {
            if let id = item.id {
                if organization.articles[id] == nil {
                    failures.append(.invalid(path + ".id", "Artikel existiert nicht"))
                }
            } else {
                failures.append(.missing(path + ".id"))
            }
        }
        if let quantity = item.quantity {
            if quantity.rounded(scale: 4) != quantity {
                failures.append(.invalid(path + ".quantity", "höchstens 4 Nachkommastellen"))
            }
        } else {
            failures.append(.missing(path + ".quantity"))
        }
        if (item.unitName ?? "").isEmpty { failures.append(.missing(path + ".unitName")) }
        guard let price = item.unitPrice else {
            return kind.hasTotals ? failures + [.missing(path + ".unitPrice")] : failures
        }
        failures += priceFailures(price, path: path + ".unitPrice", taxType: taxType, rates: rates)
        for (index, subItem) in (item.subItems ?? []).enumerated() {
            let subPath = path + ".subItems[\(index)]"
            if subItem.alternative != true { failures.append(.invalid(subPath + ".alternative", "muss true sein")) }
            if subItem.optional == true { failures.append(.invalid(subPath + ".optional")) }
            failures += lineItemFailures(subItem, path: subPath, taxType: taxType, rates: rates)
        }
        return failures
    }

    private func priceFailures(
        _ price: UnitPrice,
        path: String,
        taxType: TaxType,
        rates: Set<Decimal>
    ) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        if price.currency != .euro { failures.append(.invalid(path + ".currency")) }
        let leading = taxType == .gross ? price.grossAmount : price.netAmount
        let leadingField = taxType == .gross ? "grossAmount" : "netAmount"
        if let leading {
            if leading.rounded(scale: 4) != leading {
                failures.append(.invalid(path + "." + leadingField, "höchstens 4 Nachkommastellen"))
            }
        } else {
            failures.append(.missing(path + "." + leadingField))
        }
        let rate = price.taxRatePercentage
        if ![TaxType.net, .gross].contains(taxType) {
            if rate != 0 { failures.append(.invalid(path + ".taxRatePercentage", "steuerfreie Belege erfordern 0 %")) }
        } else if !rates.contains(rate) {
            failures.append(.invalid(path + ".taxRatePercentage", "ungültiger Steuersatz"))
        }
        return failures
    }

    private func shippingFailures(_ shipping: ShippingConditions) -> [ValidationFailure] {
        let type = shipping.shippingType
        guard type.isDocumented else { return [.invalid("shippingConditions.shippingType")] }
        var failures: [ValidationFailure] = []
        if type != .noShippingDate, shipping.shippingDate == nil {
            failures.append(.missing("shippingConditions.shippingDate"))
        }
        if type == .servicePeriod || type == .deliveryPeriod {
            if let end = shipping.shippingEndDate {
                if let start = shipping.shippingDate, end < start {
                    failures.append(.invalid("shippingConditions.shippingEndDate", "liegt vor dem Beginn"))
                }
            } else {
                failures.append(.missing("shippingConditions.shippingEndDate"))
            }
        }
        return failures
    }

    /// The day whose tax rates apply: the shipping (end) date where there is one, else the voucher date.
    static func relevantDate(of document: any SimulatedSalesDocument) -> PlainDate {
        guard let shipping = document.shipping else { return document.voucherDate.localDay }
        switch shipping.shippingType {
        case .service, .delivery: return (shipping.shippingDate ?? document.voucherDate).localDay
        case .servicePeriod, .deliveryPeriod: return (shipping.shippingEndDate ?? document.voucherDate).localDay
        default: return document.voucherDate.localDay
        }
    }

    /// The German VAT rates valid on `day` (the reduced rates of the second half of 2020 included).
    static func validRates(on day: PlainDate) -> Set<Decimal> {
        let reducedPeriod = day.year == 2020 && day.month >= 7
        return reducedPeriod ? [0, 5, 16] : [0, 7, 19]
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSS` followed by `Z` or `±HH:MM`, nothing else.
    private static func isExactDateTime(_ value: JSONValue) -> Bool {
        guard let text = value.stringValue else { return value == .null }
        let pattern = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$"#
        return text.range(of: pattern, options: .regularExpression) != nil && (try? LexofficeDateTime(text)) != nil
    }
}

extension ValidationFailure {
    static func invalidDate(_ field: String) -> ValidationFailure {
        .invalid(field, "Datum muss das Format yyyy-MM-ddTHH:mm:ss.SSSXXX haben")
    }
}
