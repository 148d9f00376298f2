import EInvoiceKit
import Foundation
import Testing

/// What a sample must read as, transcribed by hand from the sample's XML.
struct ExpectedInvoice: CustomTestStringConvertible, Sendable {
    /// One VAT breakdown line: category, rate, taxable amount, tax amount.
    struct Tax: Sendable {
        var category: String
        var rate: String
        var taxable: String
        var tax: String
    }

    var path: String
    var number: String
    var type: String = "380"
    var issueDate: String
    var dueDate: String?
    var currency = "EUR"
    var syntax: EInvoiceSyntax
    var attachment: String?
    var lineNet: String
    var allowances = "0"
    var charges = "0"
    var taxExclusive: String
    var tax: String
    var taxInclusive: String
    var prepaid = "0"
    var due: String
    var taxes: [Tax]
    var sellerVATID: String?
    var buyerName: String?

    var testDescription: String { path }
}

extension ExpectedInvoice {
    /// The samples' content. PDFs carry the same invoice as the CII file of the same name.
    static let all: [ExpectedInvoice] = einfach + others + kosit + single

    private static let einfachTaxes = [
        Tax(category: "S", rate: "7", taxable: "275", tax: "19.25"),
        Tax(category: "S", rate: "19", taxable: "198", tax: "37.62"),
    ]

    private static let einfach: [ExpectedInvoice] = [
        ("cii/EN16931_Einfach.cii.xml", EInvoiceSyntax.cii, nil, nil, "2018-03-05"),
        ("ubl/EN16931_Einfach.ubl.xml", .ublInvoice, nil, nil, "2018-03-05"),
        ("zugferd-pdf/EN16931_Einfach.pdf", .cii, "factur-x.xml", nil, "2018-03-05"),
        ("cii/EN16931_Einfach_DueDate.cii.xml", .cii, nil, "2019-03-05", "2018-03-05"),
        ("ubl/EN16931_Einfach_DueDate.ubl.xml", .ublInvoice, nil, "2019-03-05", "2018-03-05"),
        ("zugferd-pdf/EN16931_Einfach_DueDate.pdf", .cii, "factur-x.xml", "2019-03-05", "2018-03-05"),
        ("cii/XRECHNUNG_Einfach.cii.xml", .cii, nil, nil, "2024-11-15"),
        ("ubl/XRECHNUNG_Einfach.ubl.xml", .ublInvoice, nil, nil, "2024-11-15"),
        // The PDF holds the XRechnung 2.1 edition of this invoice, dated 2018; the XML files are the 3.0 edition.
        ("zugferd-pdf/XRECHNUNG_Einfach.pdf", .cii, "xrechnung.xml", nil, "2018-03-05"),
    ].map { path, syntax, attachment, dueDate, issueDate in
        ExpectedInvoice(
            path: path,
            number: "471102",
            issueDate: issueDate,
            dueDate: dueDate,
            syntax: syntax,
            attachment: attachment,
            lineNet: "473",
            taxExclusive: "473",
            tax: "56.87",
            taxInclusive: "529.87",
            due: "529.87",
            taxes: einfachTaxes,
            sellerVATID: "DE123456789",
            buyerName: "Kunden AG Mitte"
        )
    }

    private static let others: [ExpectedInvoice] = [
        ("EN16931_Elektron", "181301674", "204", "2018-04-25", nil, "252.1", "47.9", "300", "S", "19"),
        ("EN16931_Miete", "9314110911/00/M/00/N", "387", "2018-10-01", nil, "286.52", "54.44", "340.96", "S", "19"),
        ("EN16931_OEPNV", "E2018092011804", "380", "2018-09-20", "2018-10-03", "8.41", "0.59", "9", "S", "7"),
        ("EN16931_Physiotherapeut", "R18-31", "380", "2018-10-03", "2018-11-21", "380", "0", "380", "E", "0"),
    ].flatMap { name, number, type, issueDate, dueDate, net, tax, gross, category, rate in
        let taxes = [Tax(category: category, rate: rate, taxable: net, tax: tax)]
        var variants: [(String, EInvoiceSyntax, String?)] = [
            ("cii/\(name).cii.xml", .cii, nil), ("ubl/\(name).ubl.xml", .ublInvoice, nil),
        ]
        if name == "EN16931_Miete" || name == "EN16931_Physiotherapeut" {
            variants.append(("zugferd-pdf/\(name).pdf", .cii, "factur-x.xml"))
        }
        return variants.map { path, syntax, attachment in
            ExpectedInvoice(
                path: path,
                number: number,
                type: type,
                issueDate: issueDate,
                dueDate: dueDate,
                syntax: syntax,
                attachment: attachment,
                lineNet: net,
                taxExclusive: net,
                tax: tax,
                taxInclusive: gross,
                due: gross,
                taxes: taxes
            )
        }
    }

    private static let kosit: [ExpectedInvoice] = [
        ("01.01a", "123456XX", "2016-04-04", "314.86", "22.04", "336.9", "S", "7"),
        ("01.02a", "123456", "2016-06-21", "11.78", "0.82", "12.6", "S", "7"),
        ("01.03a", "RR123456", "2016-06-24", "170.28", "11.92", "182.2", "S", "7"),
        ("01.04a", "1234/78/901", "2016-06-16", "120", "0", "120", "O", "0"),
        ("01.05a", "PRG1502112", "2015-04-24", "8870", "1685.3", "10555.3", "S", "19"),
    ].flatMap { name, number, issueDate, net, tax, gross, category, rate in
        [
            ("cii/kosit-\(name)-INVOICE_uncefact.xml", EInvoiceSyntax.cii),
            ("ubl/kosit-\(name)-INVOICE_ubl.xml", .ublInvoice),
        ]
        .map { path, syntax in
            ExpectedInvoice(
                path: path,
                number: number,
                issueDate: issueDate,
                syntax: syntax,
                lineNet: net,
                taxExclusive: net,
                tax: tax,
                taxInclusive: gross,
                due: gross,
                taxes: [Tax(category: category, rate: rate, taxable: net, tax: tax)]
            )
        }
    }

    private static let single: [ExpectedInvoice] = [
        ExpectedInvoice(
            path: "ubl/ubl-tc434-creditnote1.xml",
            number: "018304 / 28865",
            type: "381",
            issueDate: "2019-09-23",
            syntax: .ublCreditNote,
            lineNet: "100.11",
            taxExclusive: "100.11",
            tax: "0",
            taxInclusive: "100.11",
            due: "100.11",
            taxes: [Tax(category: "E", rate: "0", taxable: "100.11", tax: "0")]
        ),
        // A partial invoice with document-level allowances and a charge, and 50.00 prepaid.
        ExpectedInvoice(
            path: "zugferd-pdf/EN16931_1_Teilrechnung.pdf",
            number: "471102",
            issueDate: "2018-06-05",
            syntax: .cii,
            attachment: "factur-x.xml",
            lineNet: "180.76",
            allowances: "9.07",
            charges: "5.80",
            taxExclusive: "177.49",
            tax: "20.16",
            taxInclusive: "197.65",
            prepaid: "50",
            due: "147.65",
            taxes: [
                Tax(category: "S", rate: "7", taxable: "113.03", tax: "7.91"),
                Tax(category: "S", rate: "19", taxable: "64.46", tax: "12.25"),
            ],
            sellerVATID: "DE123456789"
        ),
        // ZUGFeRD 1.0 BASIC: one line, no category codes (19 % is standard rate), no amount due (derived).
        ExpectedInvoice(
            path: "zugferd-pdf/ZUGFeRD_1p0_BASIC_Einfach.pdf",
            number: "471102",
            issueDate: "2013-03-05",
            syntax: .zugferd1,
            attachment: "ZUGFeRD-invoice.xml",
            lineNet: "198",
            taxExclusive: "198",
            tax: "37.62",
            taxInclusive: "235.62",
            due: "235.62",
            taxes: [Tax(category: "S", rate: "19", taxable: "198", tax: "37.62")],
            sellerVATID: "DE123456789",
            buyerName: "Kunden AG Mitte"
        ),
        ExpectedInvoice(
            path: "zugferd-pdf/ZUGFeRD_1p0_COMFORT_Einfach.pdf",
            number: "471102",
            issueDate: "2013-03-05",
            dueDate: "2013-04-04",
            syntax: .zugferd1,
            attachment: "ZUGFeRD-invoice.xml",
            lineNet: "473",
            taxExclusive: "473",
            tax: "56.87",
            taxInclusive: "529.87",
            due: "529.87",
            taxes: einfachTaxes,
            sellerVATID: "DE123456789",
            buyerName: "Kunden AG Mitte"
        ),
        // ZUGFeRD 1.0 COMFORT with a free-text line item (a note, no product, no amount), allowances per rate, freight
        // as a logistics service charge (5.80 at 7 %) and 50.00 prepaid.
        ExpectedInvoice(
            path: "zugferd-pdf/ZUGFeRD_1p0_COMFORT_Rabatte.pdf",
            number: "471102",
            issueDate: "2013-06-05",
            dueDate: "2013-07-04",
            syntax: .zugferd1,
            attachment: "ZUGFeRD-invoice.xml",
            lineNet: "202.76",
            allowances: "14.73",
            charges: "5.80",
            taxExclusive: "193.83",
            tax: "21.31",
            taxInclusive: "215.14",
            prepaid: "50",
            due: "165.14",
            taxes: [
                Tax(category: "S", rate: "7", taxable: "129.37", tax: "9.06"),
                Tax(category: "S", rate: "19", taxable: "64.46", tax: "12.25"),
            ],
            sellerVATID: "DE123456789",
            buyerName: "Kunden AG Mitte"
        ),
        // XRechnung extension with two third party payments (BG-DEX-09, 29.96 in all), which the amount due includes.
        ExpectedInvoice(
            path: "ubl/kosit-05.01a-INVOICE_ubl.xml",
            number: "123456XX",
            issueDate: "2016-04-04",
            syntax: .ublInvoice,
            lineNet: "314.86",
            taxExclusive: "314.86",
            tax: "22.04",
            taxInclusive: "336.90",
            due: "366.86",
            taxes: [Tax(category: "S", rate: "7", taxable: "314.86", tax: "22.04")],
            sellerVATID: "DE 123456789",
            buyerName: "[Buyer name]"
        ),
    ]
}
