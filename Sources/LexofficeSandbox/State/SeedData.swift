import Foundation
import LexofficeKit

/// What a fresh lexoffice account holds: countries, payment conditions, posting categories and print layouts.
enum SeedData {
    /// Countries: Germany, every EU member state, and common third countries.
    static let countries: [Country] = {
        let germany = [("DE", "Germany", "Deutschland")]
        let eu = [
            ("AT", "Austria", "Österreich"), ("BE", "Belgium", "Belgien"), ("BG", "Bulgaria", "Bulgarien"),
            ("CY", "Cyprus", "Zypern"), ("CZ", "Czechia", "Tschechien"), ("DK", "Denmark", "Dänemark"),
            ("EE", "Estonia", "Estland"), ("ES", "Spain", "Spanien"), ("FI", "Finland", "Finnland"),
            ("FR", "France", "Frankreich"), ("GR", "Greece", "Griechenland"), ("HR", "Croatia", "Kroatien"),
            ("HU", "Hungary", "Ungarn"), ("IE", "Ireland", "Irland"), ("IT", "Italy", "Italien"),
            ("LT", "Lithuania", "Litauen"), ("LU", "Luxembourg", "Luxemburg"), ("LV", "Latvia", "Lettland"),
            ("MT", "Malta", "Malta"), ("NL", "Netherlands", "Niederlande"), ("PL", "Poland", "Polen"),
            ("PT", "Portugal", "Portugal"), ("RO", "Romania", "Rumänien"), ("SE", "Sweden", "Schweden"),
            ("SI", "Slovenia", "Slowenien"), ("SK", "Slovakia", "Slowakei"),
        ]
        let third = [
            ("CH", "Switzerland", "Schweiz"), ("GB", "United Kingdom", "Vereinigtes Königreich"),
            ("NO", "Norway", "Norwegen"), ("US", "United States", "Vereinigte Staaten"),
            ("LI", "Liechtenstein", "Liechtenstein"), ("TR", "Turkey", "Türkei"),
            ("ES_CN", "Canary Islands", "Kanarische Inseln"), ("GR_69", "Mount Athos", "Berg Athos"),
        ]
        func make(_ rows: [(String, String, String)], _ classification: TaxClassification) -> [Country] {
            rows.map {
                Country(countryCode: $0.0, countryNameEN: $0.1, countryNameDE: $0.2, taxClassification: classification)
            }
        }
        return make(germany, .de) + make(eu, .intraCommunity) + make(third, .thirdPartyCountry)
    }()

    /// Payment conditions; exactly one is the organization default.
    static let paymentConditions: [PaymentCondition] = [
        PaymentCondition(
            id: knownID("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"),
            paymentTermLabelTemplate: "Zahlbar in {paymentRange} Tagen ohne Abzug",
            paymentTermDuration: 14,
            organizationDefault: true
        ),
        PaymentCondition(
            id: knownID("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f"),
            paymentTermLabelTemplate: "{discountRange} Tage {discount} Skonto, {paymentRange} Tage netto",
            paymentTermDuration: 30,
            paymentDiscountConditions: PaymentConditionDiscount(discountPercentage: 2, discountRange: 7),
            organizationDefault: false
        ),
    ]

    /// Posting categories with the ids lexoffice documents.
    static let postingCategories: [PostingCategory] = [
        income("8f8664a8-fd86-11e1-a21f-0800200c9a66", "Warenverkäufe"),
        income("8f8664a0-fd86-11e1-a21f-0800200c9a66", "Dienstleistungen"),
        income("8f8664a1-fd86-11e1-a21f-0800200c9a66", "Einnahmen"),
        income("9075a4e3-66de-4795-a016-3889feca0d20", "Innergemeinschaftliche Lieferung", contactRequired: true),
        income("380a20cb-d04c-426e-b49c-84c22adfa362", "Fremdleistungen §13b", contactRequired: true),
        income("93d24c20-ea84-424e-a731-5e1b78d1e6a9", "Ausfuhrlieferungen an Drittländer", contactRequired: true),
        income("ef5b1a6e-f690-4004-9a19-91276348894f", "Dienstleistungen an Drittländer", contactRequired: true),
        income("7a1efa0e-6283-4cbf-9583-8e88d3ba5960", "Einnahmen als Kleinunternehmer"),
        income("7c112b66-0565-479c-bc18-5845e080880a", "Fernverkauf"),
        income("d73b880f-c24a-41ea-a862-18d90e1c3d82", "Elektronische Dienstleistungen"),
        income("4ebd965a-7126-416c-9d8c-a5c9366ee473", "Fernverkauf in EU-Land steuerpflichtig"),
        income("7ecea006-844c-4c98-a02d-aa3142640dd5", "Elektronische Dienstleistung in EU-Land steuerpflichtig"),
        outgo("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "Bürobedarf", group: "Büro"),
        outgo("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "Wareneingang", group: "Waren, Rohstoffe und Hilfsstoffe"),
        outgo("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "Fremdleistungen", group: "Fremdleistungen"),
    ]

    /// Print layouts; exactly one is the default.
    static let printLayouts: [PrintLayout] = [
        PrintLayout(id: knownID("5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716"), name: "Standard", default: true),
        PrintLayout(id: knownID("6f5e4d3c-2b1a-4098-9e8d-7c6b5a493827"), name: "Englisch", default: false),
    ]

    private static func income(_ id: String, _ name: String, contactRequired: Bool = false) -> PostingCategory {
        PostingCategory(
            id: knownID(id),
            name: name,
            type: .income,
            contactRequired: contactRequired,
            splitAllowed: true,
            groupName: "Einnahmen"
        )
    }

    private static func outgo(_ id: String, _ name: String, group: String) -> PostingCategory {
        PostingCategory(
            id: knownID(id),
            name: name,
            type: .outgo,
            contactRequired: false,
            splitAllowed: true,
            groupName: group
        )
    }

    /// An id from a literal in this file; every literal is a valid UUID (all are loaded by the reference-data test).
    private static func knownID(_ literal: String) -> LexofficeID {
        // swift-format-ignore: NeverUseForceTry
        try! LexofficeID(literal)
    }
}
