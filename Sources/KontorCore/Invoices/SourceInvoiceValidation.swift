import Foundation

extension SourceInvoice {
    /// The most line items lexoffice accepts on one invoice.
    package static let maximumLineItemCount = 300

    /// The largest PDF lexoffice accepts, in bytes (5 MiB).
    package static let maximumPDFByteCount = 5 * 1024 * 1024

    /// Every rule the invoice breaks, in document order; empty when the hub can accept it.
    ///
    /// Checks the formats and ranges documented on the properties, the combinations (``dueDate`` or
    /// ``paymentTermDays``, ``cancels`` with ``status``, net or gross prices and the tax rates with ``taxType``),
    /// and lexoffice's limits, so that a transfer does not fail later on data the source could have fixed.
    ///
    /// - Parameter sourceID: the invoice's id in the source application (from the URL); ``cancels`` must differ.
    package func validationIssues(sourceID: String) -> [SourceInvoiceIssue] {
        var issues = SourceInvoiceIssueList()
        issues.checkRequired(number, at: "#/number", limit: .hub(64))
        checkDates(into: &issues)
        if knownTaxType == nil {
            let values = SourceTaxType.allCases.map(\.rawValue).joined(separator: ", ")
            issues.add("#/taxType", "must be one of \(values)")
        }
        if knownStatus == nil {
            let values = SourceInvoiceStatus.allCases.map(\.rawValue).joined(separator: ", ")
            issues.add("#/status", "must be one of \(values)")
        }
        if paymentStatus != nil, knownPaymentStatus == nil {
            let values = SourcePaymentStatus.allCases.map(\.rawValue).joined(separator: ", ")
            issues.add("#/paymentStatus", "must be one of \(values)")
        }
        checkCancels(sourceID: sourceID, into: &issues)
        issues.checkLength(title, at: "#/title", limit: .lexoffice(25))
        issues.checkLength(introduction, at: "#/introduction", limit: .lexoffice(2000))
        issues.checkLength(remark, at: "#/remark", limit: .lexoffice(2000))
        if let currency, currency != "EUR" {
            issues.add("#/currency", "must be EUR (the only currency lexoffice supports)")
        }
        customer.collectIssues(into: &issues, at: "#/customer")
        checkLineItems(into: &issues)
        issues.checkNumber(totalDiscountPercent, at: "#/totalDiscountPercent", in: 0...100, places: 2)
        let amounts: ClosedRange<Decimal> = -100_000_000...100_000_000
        issues.checkNumber(totals?.net, at: "#/totals/net", in: amounts, places: 2)
        issues.checkNumber(totals?.gross, at: "#/totals/gross", in: amounts, places: 2)
        if let pdf, let detail = Self.pdfProblem(pdf) {
            issues.add("#/pdf", detail)
        }
        return issues.issues
    }

    /// Checks ``date``, ``dueDate`` and ``paymentTermDays``.
    private func checkDates(into issues: inout SourceInvoiceIssueList) {
        let dateFormat = "must be a calendar date in the form YYYY-MM-DD"
        let invoiceDate = invoiceDate
        if invoiceDate == nil {
            issues.add("#/date", dateFormat)
        }
        if let dueDate {
            if let paymentDueDate = SourceDate(dueDate) {
                if let invoiceDate, paymentDueDate < invoiceDate {
                    issues.add("#/dueDate", "must not be before date")
                }
            } else {
                issues.add("#/dueDate", dateFormat)
            }
        }
        if let paymentTermDays {
            if dueDate != nil {
                issues.add("#/paymentTermDays", "must be absent when dueDate is given")
            } else if !(0...365).contains(paymentTermDays) {
                issues.add("#/paymentTermDays", "must be between 0 and 365")
            }
        }
    }

    /// Checks ``cancels``: its length, not the invoice itself, not on a cancelled invoice.
    private func checkCancels(sourceID: String, into issues: inout SourceInvoiceIssueList) {
        guard let cancels else { return }
        if cancels.allSatisfy(\.isWhitespace) {
            issues.add("#/cancels", "must not be empty")
        } else if cancels.utf16.count > 128 {
            issues.add("#/cancels", "must be at most 128 characters")
        } else if cancels == sourceID {
            issues.add("#/cancels", "must not be this invoice's own source id")
        } else if knownStatus == .cancelled {
            issues.add(
                "#/cancels",
                "must be absent when status is cancelled; a cancellation is a separate finalized invoice"
            )
        }
    }

    /// Checks the number of lines and then each line.
    private func checkLineItems(into issues: inout SourceInvoiceIssueList) {
        if lineItems.isEmpty {
            issues.add("#/lineItems", "must have at least 1 line item")
        } else if lineItems.count > Self.maximumLineItemCount {
            issues.add("#/lineItems", "must have at most \(Self.maximumLineItemCount) line items (lexoffice's limit)")
        }
        let taxRates = TaxRateRule(invoiceDate: invoiceDate, taxType: knownTaxType)
        for (index, lineItem) in lineItems.enumerated() {
            lineItem.collectIssues(into: &issues, at: "#/lineItems/\(index)", taxType: knownTaxType, taxRates: taxRates)
        }
    }

    /// What is wrong with the base64 PDF, or `nil`; checks without decoding the whole document.
    private static func pdfProblem(_ pdf: String) -> String? {
        let characters = pdf.utf8
        guard characters.count.isMultiple(of: 4), let padding = base64Padding(characters) else {
            return "must be base64 without line breaks"
        }
        guard characters.count / 4 * 3 - padding <= maximumPDFByteCount else {
            return "must be at most 5 MiB decoded (lexoffice's file limit)"
        }
        guard let header = Data(base64Encoded: String(pdf.prefix(8))), header.starts(with: "%PDF-".utf8) else {
            return "must be a PDF document (starting with %PDF-)"
        }
        return nil
    }

    /// The number of `=` at the end when `characters` is base64 of the standard alphabet, otherwise `nil`.
    private static func base64Padding(_ characters: String.UTF8View) -> Int? {
        var padding = 0
        for character in characters {
            switch character {
            case UInt8(ascii: "="):
                padding += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                guard padding == 0 else { return nil }
            default:
                return nil
            }
        }
        return padding <= 2 ? padding : nil
    }
}
