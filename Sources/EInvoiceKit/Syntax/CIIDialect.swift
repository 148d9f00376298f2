/// The element names and namespaces in which the two generations of Cross Industry Invoice differ.
///
/// CII D16B (ZUGFeRD 2.x, Factur-X, XRechnung CII) renamed and moved a few of the ZUGFeRD 1.0 elements; the business
/// content is the same, so one mapper (``CIIMapper``) reads both through this table.
struct CIIDialect: Sendable {
    let syntax: EInvoiceSyntax
    let rootNamespace: String
    let rootName: String
    /// The `ram` namespace.
    let ram: String
    /// The `udt` namespace.
    let udt: String
    let context: String
    let header: String
    let transaction: String
    let agreement: String
    let delivery: String
    let settlement: String
    let summation: String
    let lineSettlement: String
    let lineSummation: String
    let rate: String

    static let d16b = CIIDialect(
        syntax: .cii,
        rootNamespace: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
        rootName: "CrossIndustryInvoice",
        ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
        udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
        context: "ExchangedDocumentContext",
        header: "ExchangedDocument",
        transaction: "SupplyChainTradeTransaction",
        agreement: "ApplicableHeaderTradeAgreement",
        delivery: "ApplicableHeaderTradeDelivery",
        settlement: "ApplicableHeaderTradeSettlement",
        summation: "SpecifiedTradeSettlementHeaderMonetarySummation",
        lineSettlement: "SpecifiedLineTradeSettlement",
        lineSummation: "SpecifiedTradeSettlementLineMonetarySummation",
        rate: "RateApplicablePercent"
    )

    static let zugferd1 = CIIDialect(
        syntax: .zugferd1,
        rootNamespace: "urn:ferd:CrossIndustryDocument:invoice:1p0",
        rootName: "CrossIndustryDocument",
        ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12",
        udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15",
        context: "SpecifiedExchangedDocumentContext",
        header: "HeaderExchangedDocument",
        transaction: "SpecifiedSupplyChainTradeTransaction",
        agreement: "ApplicableSupplyChainTradeAgreement",
        delivery: "ApplicableSupplyChainTradeDelivery",
        settlement: "ApplicableSupplyChainTradeSettlement",
        summation: "SpecifiedTradeSettlementMonetarySummation",
        lineSettlement: "SpecifiedSupplyChainTradeSettlement",
        lineSummation: "SpecifiedTradeSettlementMonetarySummation",
        rate: "ApplicablePercent"
    )
}
