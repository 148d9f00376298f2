import Hummingbird
import LexofficeKit

/// `GET /v1/voucherlist` and `GET /v1/payments/{id}`.
struct VoucherListRoutes {
    func register<Context: RequestContext>(on routes: SandboxRouteTable<Context>) {
        routes.add(.get, "v1/voucherlist", shape: .regular) { call, _ in
            let query = try VoucherListQuery(call)
            let paging = try call.paging()
            let today = call.now.localDay
            let items = call.state.visible(
                try call.state.read(call.organizationID) { organization in
                    VoucherListEntries.all(in: organization, today: today).filter(query.matches).sorted(
                        by: query.areInOrder
                    )
                },
                id: \.id
            )
            return try SandboxResponses.json(
                PageBuilder.page(of: items, page: paging.page, size: paging.size, sort: [query.sort.pageSort])
            )
        }
        routes.add(.get, "v1/payments/:id", shape: .regular) { call, context in
            let id = try call.pathID(context, what: "Voucher")
            let payment = try call.state.read(call.organizationID) { try PaymentView.payment(of: id, in: $0) }
            return try SandboxResponses.json(payment)
        }
    }
}
