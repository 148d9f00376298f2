import Foundation
import HTTPTypes
import HashTreeCollections
import LexofficeKit

/// Produces the downloadable file of a sales voucher: a PDF for every type, the XRechnung XML for e-invoices.
enum SalesDocumentFiles {
    /// Renders `document` of `organization` in `format`.
    static func render(
        _ document: StoredSalesDocument,
        format: SalesDocumentFormat,
        organization: Organization
    ) throws
        -> Data
    {
        switch format {
        case .pdf: SalesDocumentPDFRenderer().pdf(for: printed(document.common, organization: organization))
        case .xml: XRechnungWriter().xml(for: try xRechnung(document, organization: organization))
        }
    }

    /// The printed view: every value formatted the German way.
    static func printed(_ document: any SimulatedSalesDocument, organization: Organization) -> RenderedSalesDocument {
        let address = document.address
        let recipient = [
            address.name, address.supplement, address.contactPerson, address.street,
            [address.zip, address.city].compactMap { $0 }.joined(separator: " "),
            address.countryCode == "DE" ? nil : address.countryCode,
        ]
        .compactMap { $0 }.filter { !$0.isEmpty }
        var position = 0
        let lines = document.lineItems.map { item -> RenderedSalesDocument.Line in
            guard item.type != .text else { return .init(text: item.name ?? "", description: item.description) }
            position += 1
            let isGross = document.taxConditions.taxType == .gross
            let price = isGross ? item.unitPrice?.grossAmount : item.unitPrice?.netAmount
            return .init(
                position: String(position),
                name: item.name ?? "",
                description: item.description,
                quantity: GermanFormat.number(item.quantity ?? 0),
                unit: item.unitName ?? "",
                unitPrice: document.kind.hasTotals ? price.map(GermanFormat.money) : nil,
                amount: document.kind.hasTotals ? item.lineItemAmount.map(GermanFormat.money) : nil
            )
        }
        let dueDate: LexofficeDateTime? =
            switch document.stored {
            case .invoice(let invoice): invoice.dueDate
            case .downPaymentInvoice(let invoice): invoice.dueDate
            default: nil
            }
        return RenderedSalesDocument(
            kind: document.title ?? document.kind.title,
            number: document.number ?? "",
            date: GermanFormat.date(document.voucherDate),
            dueDate: dueDate.map(GermanFormat.date),
            serviceDate: serviceDate(document.shipping),
            sender: [
                organization.profile.companyName ?? "", organization.company.street ?? "",
                [organization.company.zip, organization.company.city].compactMap { $0 }.joined(separator: " "),
            ],
            recipient: recipient,
            introduction: document.introduction,
            remark: document.remark,
            lines: lines,
            taxes: (document.taxAmounts ?? []).map {
                .init(
                    rateLabel: GermanFormat.number($0.taxRatePercentage) + " %",
                    net: GermanFormat.money($0.netAmount),
                    tax: GermanFormat.money($0.taxAmount)
                )
            },
            totalNet: document.totals?.totalNetAmount.map(GermanFormat.money),
            totalTax: document.totals?.totalTaxAmount.map(GermanFormat.money),
            totalGross: document.totals?.totalGrossAmount.map(GermanFormat.money),
            paymentTerms: paymentTerms(of: document.stored)
        )
    }

    /// The e-invoice values of an XRechnung invoice; 404 for anything else.
    private static func xRechnung(_ document: StoredSalesDocument, organization: Organization) throws -> XRechnungData {
        guard case .invoice(let invoice) = document, invoice.electronicDocumentProfile == .xRechnung,
            let contactID = invoice.address.contactId, let contact = organization.contacts[contactID]
        else { throw SandboxProblem.notFound("XML representation") }
        let lines = invoice.lineItems.filter { $0.type != .text }.map { item in
            let amount = item.lineItemAmount ?? 0
            let quantity = item.quantity ?? 1
            return XRechnungData.Line(
                name: item.name ?? "",
                description: item.description,
                quantity: quantity,
                unitCode: XRechnungWriter.unitCode(forUnitName: item.unitName ?? ""),
                netPrice: quantity == 0 ? 0 : (amount / quantity).rounded(scale: 4),
                netAmount: amount,
                taxRate: item.unitPrice?.taxRatePercentage ?? 0
            )
        }
        return XRechnungData(
            invoiceNumber: invoice.voucherNumber ?? "",
            issueDate: invoice.voucherDate.localDay.description,
            dueDate: invoice.dueDate?.localDay.description,
            deliveryDate: invoice.shippingConditions.shippingDate?.localDay.description,
            buyerReference: invoice.xRechnung?.buyerReference ?? contact.xRechnung?.buyerReference ?? "",
            note: invoice.introduction,
            seller: XRechnungData.Seller(
                name: organization.profile.companyName ?? "",
                street: organization.company.street ?? "",
                zip: organization.company.zip ?? "",
                city: organization.company.city ?? "",
                countryCode: organization.company.countryCode ?? "DE",
                vatID: organization.company.vatRegistrationId.flatMap { $0.isEmpty ? nil : $0 },
                taxNumber: organization.company.taxNumber.flatMap { $0.isEmpty ? nil : $0 },
                email: organization.company.email ?? "",
                phone: organization.company.phone ?? ""
            ),
            buyer: XRechnungData.Buyer(
                name: invoice.address.name ?? "",
                street: invoice.address.street,
                zip: invoice.address.zip ?? "",
                city: invoice.address.city ?? "",
                countryCode: invoice.address.countryCode ?? "DE",
                email: contact.emailAddresses?.business?.first
            ),
            lines: lines,
            taxSubtotals: (invoice.taxAmounts ?? []).map {
                .init(taxRate: $0.taxRatePercentage, taxableAmount: $0.netAmount, taxAmount: $0.taxAmount)
            },
            totalNet: invoice.totalPrice.totalNetAmount ?? 0,
            totalTax: invoice.totalPrice.totalTaxAmount ?? 0,
            totalGross: invoice.totalPrice.totalGrossAmount ?? 0,
            paymentTerms: invoice.paymentConditions?.paymentTermLabel,
            iban: organization.company.iban.flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    private static func serviceDate(_ shipping: ShippingConditions?) -> String? {
        guard let shipping, let start = shipping.shippingDate else { return nil }
        guard let end = shipping.shippingEndDate else { return GermanFormat.date(start) }
        return GermanFormat.date(start) + " – " + GermanFormat.date(end)
    }

    private static func paymentTerms(of document: StoredSalesDocument) -> String? {
        switch document {
        case .invoice(let invoice): invoice.paymentConditions?.paymentTermLabel
        case .downPaymentInvoice(let invoice): invoice.paymentConditions?.paymentTermLabel
        case .quotation(let quotation): quotation.paymentConditions?.paymentTermLabel
        case .orderConfirmation(let confirmation): confirmation.paymentConditions?.paymentTermLabel
        default: nil
        }
    }
}

/// German number, money and date formats for printed documents.
enum GermanFormat {
    /// `1.234,5` (up to 4 decimals, no trailing zeros).
    static func number(_ value: Decimal) -> String {
        grouped(value, minimumDecimals: 0)
    }

    /// `1.234,50 €`.
    static func money(_ value: Decimal) -> String {
        grouped(value, minimumDecimals: 2) + " €"
    }

    /// `10.03.2025` in the value's own offset (German local time).
    static func date(_ value: LexofficeDateTime) -> String {
        let day = value.localDay
        return String(format: "%02d.%02d.%04d", day.day, day.month, day.year)
    }

    private static func grouped(_ value: Decimal, minimumDecimals: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "de_DE")
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = minimumDecimals
        formatter.maximumFractionDigits = max(minimumDecimals, 4)
        formatter.groupingSeparator = "."
        formatter.decimalSeparator = ","
        return formatter.string(from: value as NSDecimalNumber) ?? "\(value)"
    }
}
