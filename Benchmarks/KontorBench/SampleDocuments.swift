/// Generated lexoffice documents of a chosen size, in the documented JSON shapes.
enum SampleDocuments {
    /// A voucherlist page with `elements` invoices.
    static func voucherListPage(elements: Int) -> String {
        let items = (0..<elements).map { index in
            """
            {"id":"\(uuid(index))","voucherType":"invoice","voucherStatus":"open","voucherNumber":"RE\(10_000 + index)",\
            "voucherDate":"2025-03-10T00:00:00.000+01:00","createdDate":"2025-03-10T14:02:11.000+01:00",\
            "updatedDate":"2025-03-14T09:30:02.000+01:00","dueDate":"2025-03-24T00:00:00.000+01:00",\
            "contactId":"\(uuid(index + 1_000_000))","contactName":"Radhaus Nord GmbH \(index)","totalAmount":121.10,\
            "openAmount":101.10,"currency":"EUR","archived":false}
            """
        }
        return """
            {"content":[\(items.joined(separator: ","))],"first":true,"last":false,"totalPages":4,\
            "totalElements":\(elements * 4),"numberOfElements":\(elements),"size":\(elements),"number":0,\
            "sort":[{"property":"voucherDate","direction":"DESC","ignoreCase":false,"nullHandling":"NATIVE","ascending":false}]}
            """
    }

    /// A finalized gross invoice with `lineItems` custom line items.
    static func invoice(lineItems: Int) -> String {
        let lines = (0..<lineItems).map { index in
            """
            {"type":"custom","name":"Position \(index) Wartung Hydraulik","description":"Leistung am Standort \(index)",\
            "quantity":1.5,"unitName":"Stunde","unitPrice":{"currency":"EUR","netAmount":74.7899,"grossAmount":89.0,\
            "taxRatePercentage":19},"discountPercentage":0,"lineItemAmount":133.5}
            """
        }
        return """
            {"id":"\(uuid(1))","organizationId":"\(uuid(2))","createdDate":"2025-03-10T14:02:11.504+01:00",\
            "updatedDate":"2025-03-10T14:02:11.504+01:00","version":1,"language":"de","archived":false,\
            "voucherStatus":"open","voucherNumber":"RE0042","voucherDate":"2025-03-10T00:00:00.000+01:00",\
            "dueDate":"2025-03-24T00:00:00.000+01:00","address":{"contactId":"\(uuid(3))","name":"Radhaus Nord GmbH",\
            "street":"Lindenallee 7","city":"Hamburg","zip":"22041","countryCode":"DE"},"xRechnung":null,\
            "electronicDocumentProfile":"NONE","lineItems":[\(lines.joined(separator: ","))],\
            "totalPrice":{"currency":"EUR","totalNetAmount":33655.46,"totalGrossAmount":40050.0,"totalTaxAmount":6394.54},\
            "taxAmounts":[{"taxRatePercentage":19,"taxAmount":6394.54,"netAmount":33655.46}],\
            "taxConditions":{"taxType":"gross"},"paymentConditions":{"paymentTermLabel":"Zahlbar innerhalb von 14 Tagen",\
            "paymentTermLabelTemplate":"Zahlbar innerhalb von 14 Tagen","paymentTermDuration":14},\
            "shippingConditions":{"shippingDate":"2025-03-07T00:00:00.000+01:00","shippingType":"service"},\
            "closingInvoice":false,"claimedGrossAmount":null,"downPaymentDeductions":null,"recurringTemplateId":null,\
            "relatedVouchers":[],"printLayoutId":"\(uuid(4))","title":"Rechnung",\
            "introduction":"Wir berechnen Ihnen folgende Leistungen:","remark":"Vielen Dank!"}
            """
    }

    private static func uuid(_ number: Int) -> String {
        let digits = String(number)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }
}
