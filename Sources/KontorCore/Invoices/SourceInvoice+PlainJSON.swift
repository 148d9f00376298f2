extension SourceInvoice: PlainJSONReadable {
    /// Reads the invoice from a plain JSON body without `JSONDecoder` (a `PUT` decodes one per request): the same
    /// value `JSONDecoder` gives for the same text, or ``PlainJSON/Unreadable`` (tests compare both on random and
    /// damaged bodies). Every property of the invoice and its parts is read; a new property must be added here too.
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        let json = try PlainJSONMembers(value)
        self.init(
            number: try json.required("number"),
            date: try json.required("date"),
            dueDate: try json.optional("dueDate"),
            paymentTermDays: try json.optional("paymentTermDays"),
            taxType: try json.required("taxType"),
            status: try json.required("status"),
            cancels: try json.optional("cancels"),
            title: try json.optional("title"),
            introduction: try json.optional("introduction"),
            remark: try json.optional("remark"),
            currency: try json.optional("currency"),
            customer: try json.required("customer"),
            lineItems: try json.required("lineItems"),
            totalDiscountPercent: try json.optional("totalDiscountPercent"),
            pdf: try json.optional("pdf"),
            totals: try json.optional("totals"),
            paymentStatus: try json.optional("paymentStatus")
        )
    }
}

extension SourceCustomer: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        let json = try PlainJSONMembers(value)
        self.init(
            sourceId: try json.required("sourceId"),
            lexofficeContactId: try json.optional("lexofficeContactId"),
            company: try json.optional("company"),
            person: try json.optional("person"),
            address: try json.optional("address"),
            email: try json.optional("email"),
            phone: try json.optional("phone"),
            buyerReference: try json.optional("buyerReference"),
            vendorNumberAtCustomer: try json.optional("vendorNumberAtCustomer")
        )
    }
}

extension SourceAddress: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        let json = try PlainJSONMembers(value)
        self.init(
            supplement: try json.optional("supplement"),
            street: try json.optional("street"),
            zip: try json.optional("zip"),
            city: try json.optional("city"),
            countryCode: try json.required("countryCode")
        )
    }
}

extension SourceCompany: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        let json = try PlainJSONMembers(value)
        self.init(
            name: try json.required("name"),
            vatRegistrationId: try json.optional("vatRegistrationId"),
            taxNumber: try json.optional("taxNumber")
        )
    }
}

extension SourcePerson: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        let json = try PlainJSONMembers(value)
        self.init(
            salutation: try json.optional("salutation"),
            firstName: try json.optional("firstName"),
            lastName: try json.required("lastName")
        )
    }
}

extension SourceLineItem: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        let json = try PlainJSONMembers(value)
        self.init(
            name: try json.required("name"),
            description: try json.optional("description"),
            quantity: try json.required("quantity"),
            unitName: try json.required("unitName"),
            unitPrice: try json.required("unitPrice"),
            taxRatePercent: try json.required("taxRatePercent"),
            discountPercent: try json.optional("discountPercent")
        )
    }
}

extension SourceUnitPrice: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        let json = try PlainJSONMembers(value)
        self.init(net: try json.optional("net"), gross: try json.optional("gross"))
    }
}

extension SourceTotals: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        let json = try PlainJSONMembers(value)
        self.init(net: try json.optional("net"), gross: try json.optional("gross"))
    }
}
