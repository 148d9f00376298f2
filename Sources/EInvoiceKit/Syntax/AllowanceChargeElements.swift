/// One document-level allowance or charge (BG-20/BG-21) as found in either syntax: the elements that hold its
/// members, located by the syntax's mapper; reads them the same way for CII and UBL.
struct AllowanceChargeElements {
    /// The text of the charge indicator (`true` for a charge, `false` for an allowance).
    var indicator: String?
    var amount: XMLElementNode?
    var baseAmount: XMLElementNode?
    var percentage: XMLElementNode?
    var taxCategory: XMLElementNode?
    var taxRate: XMLElementNode?
    var reason: XMLElementNode?
    var reasonCode: XMLElementNode?

    /// The allowance or charge, its BT numbers chosen by the indicator.
    /// - Throws: ``EInvoiceError`` `invalid-value` (BG-20) without a valid indicator, or for an invalid amount.
    func read() throws(EInvoiceError) -> AllowanceCharge {
        guard let indicator, indicator == "true" || indicator == "false" else {
            throw EInvoiceError(.invalidValue, field: "BG-20", detail: "An allowance or charge has no indicator.")
        }
        let isCharge = indicator == "true"
        return AllowanceCharge(
            isCharge: isCharge,
            amount: try ElementReader.requiredAmount(
                amount,
                isCharge ? "BT-99" : "BT-92",
                isCharge ? "charge amount" : "allowance amount"
            ),
            baseAmount: try ElementReader.amount(baseAmount, isCharge ? "BT-100" : "BT-93"),
            percentage: try ElementReader.amount(percentage, isCharge ? "BT-101" : "BT-94"),
            taxCategory: ElementReader.text(taxCategory).map(TaxCategory.init),
            taxRate: try ElementReader.amount(taxRate, isCharge ? "BT-103" : "BT-96"),
            reason: ElementReader.text(reason),
            reasonCode: ElementReader.text(reasonCode)
        )
    }
}
