import Hummingbird
import LexofficeKit

/// `/v1/recurring-templates` (read-only): the full template, and a paged list of summaries.
struct RecurringTemplateRoutes {
    func register<Context: RequestContext>(on routes: SandboxRouteTable<Context>) {
        routes.add(.get, "v1/recurring-templates", shape: .regular) { call, _ in try list(call) }
        routes.add(.get, "v1/recurring-templates/:id", shape: .regular) { call, context in
            let id = try call.pathID(context, what: "Recurring template")
            return try SandboxResponses.json(
                try call.state.read(call.organizationID) {
                    try $0.recurringTemplates[id].orThrow(.notFound("Recurring template"))
                }
            )
        }
    }

    private func list(_ call: APICall) throws -> Response {
        let paging = try call.paging()
        let sort = try SortParameter(
            call,
            allowed: ["createdDate", "updatedDate", "lastExecutionDate", "nextExecutionDate"],
            default: "updatedDate,DESC"
        )
        let templates = try call.state.read(call.organizationID) { Array($0.recurringTemplates.values) }
        let sorted = templates.sorted { lhs, rhs in
            let (left, right) = (Self.sortKey(lhs, sort.property), Self.sortKey(rhs, sort.property))
            if left == right { return (lhs.id?.rawValue ?? "") < (rhs.id?.rawValue ?? "") }
            return sort.areInOrder(left, right)
        }
        let summaries = sorted.map { template in
            RecurringTemplateSummary(
                id: template.id,
                organizationId: template.organizationId,
                title: template.title,
                createdDate: template.createdDate,
                updatedDate: template.updatedDate,
                address: SalesVoucherAddress(contactId: template.address.contactId, name: template.address.name),
                totalPrice: TotalPrice(
                    currency: template.totalPrice.currency,
                    totalNetAmount: template.totalPrice.totalNetAmount,
                    totalGrossAmount: template.totalPrice.totalGrossAmount
                ),
                paymentConditions: template.paymentConditions,
                recurringTemplateSettings: template.recurringTemplateSettings
            )
        }
        return try SandboxResponses.json(
            PageBuilder.page(of: summaries, page: paging.page, size: paging.size, sort: [sort.pageSort])
        )
    }

    private static func sortKey(_ template: RecurringTemplate, _ property: String) -> String {
        switch property {
        case "createdDate": String(template.createdDate?.millisecondsSince1970 ?? 0).leftPadded()
        case "nextExecutionDate": template.recurringTemplateSettings?.nextExecutionDate?.description ?? ""
        case "lastExecutionDate": template.updatedDate?.localDay.description ?? ""
        default: String(template.updatedDate?.millisecondsSince1970 ?? 0).leftPadded()
        }
    }
}

extension String {
    /// The string left-padded with zeros to 20 characters, so numbers sort as text.
    fileprivate func leftPadded() -> String {
        String(repeating: "0", count: max(0, 20 - count)) + self
    }
}
