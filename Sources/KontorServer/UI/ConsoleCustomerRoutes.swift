import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// The customer sync's section of a tenant (issue 24): its settings (active, direction, conflict policy, matching
/// rules), the first sync's progress, the customers by state with a retry for failed and conflicting ones.
struct ConsoleCustomerRoutes {
    let tenants: TenantStore
    let customers: CustomerStore
    let feed: CustomerFeedStore
    let renderer: ConsoleRenderer
    let clock: any WallClock

    static let pageSize = 50

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant/customers") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let state = request.uri.queryParameters.get("state").flatMap(CustomerSyncState.init(rawValue:))
            let after = request.uri.queryParameters.get("after").flatMap { Int64($0) }
            let found = try await customers.customers(
                of: tenant.id,
                state: state,
                after: after,
                limit: Self.pageSize + 1
            )
            let shown = found.prefix(Self.pageSize)
            let base = "/ui/tenants/\(tenant.id)/customers?" + (state.map { "state=\($0.rawValue)" } ?? "")
            let sync = tenant.customerSync
            return renderer.page(
                "customers",
                ConsoleValues.compact([
                    "tenant": page.tenantValues(tenant), "tabCustomers": true,
                    "sync": [
                        "active": sync.active, "tone": sync.active ? "good" : "neutral",
                        "label": (sync.active ? "✓ " : "○ ")
                            + page.text(sync.active ? "customers.on" : "customers.off"),
                    ],
                    "directions": CustomerSyncDirection.allCases.map { option in
                        Self.option(
                            option.rawValue,
                            page.text("customers.\(option.rawValue)"),
                            sync.direction == option
                        )
                    },
                    "policies": CustomerConflictPolicy.allCases.map { option in
                        Self.option(
                            option.rawValue,
                            page.text("customers.\(option.rawValue)"),
                            sync.conflictPolicy == option
                        )
                    },
                    "rules": CustomerMatching.allCases.map { option in
                        Self.option(
                            option.rawValue,
                            page.text("customers.\(option.rawValue)"),
                            sync.matching.contains(option)
                        )
                    },
                    "firstSync": try await firstSyncText(of: tenant.id, page: page),
                    "states": CustomerSyncState.allCases.map { option in
                        Self.option(option.rawValue, page.text("customerStates.\(option.rawValue)"), option == state)
                    },
                    "customers": shown.map { row(for: $0, page: page) },
                    "hasCustomers": !shown.isEmpty,
                    "firstPage": after == nil ? nil : base,
                    "nextPage": found.count > Self.pageSize ? base + "&after=\(shown.last?.sequence ?? 0)" : nil,
                ]),
                request: request,
                context: context
            )
        }
        group.post("tenants/:tenant/customer-sync") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let form = context.form
            guard let direction = form.value("direction").flatMap(CustomerSyncDirection.init(rawValue:)) else {
                throw ConsoleFailure(code: "validation-failed", fields: ["direction"])
            }
            guard let policy = form.value("conflictPolicy").flatMap(CustomerConflictPolicy.init(rawValue:)) else {
                throw ConsoleFailure(code: "validation-failed", fields: ["conflictPolicy"])
            }
            let matching = form.values("matching").compactMap(CustomerMatching.init(rawValue:))
            guard matching.count == form.values("matching").count, Set(matching).count == matching.count else {
                throw ConsoleFailure(code: "validation-failed", fields: ["matching"])
            }
            let active = form.value("active") == "true"
            let now = clock.now
            _ = try await tenants.update(tenant.id, expectedVersion: form.value("version").flatMap { Int($0) }) {
                tenant in
                if active, !tenant.customerSync.active, tenant.customerSync.activeSince == nil {
                    tenant.customerSync.activeSince = now
                }
                tenant.customerSync.active = active
                tenant.customerSync.direction = direction
                tenant.customerSync.conflictPolicy = policy
                tenant.customerSync.matching = matching
            }
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)/customers?notice=customerSyncSaved")
        }
        group.post("tenants/:tenant/customers/:sourceId/retry") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            do {
                guard try await customers.retry(try context.parameters.require("sourceId"), of: tenant.id) != nil else {
                    throw ConsoleFailure(code: "not-found")
                }
            } catch let error as StoreError where error.code == .invalidState {
                throw ConsoleFailure(code: "not-retryable")
            }
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)/customers?notice=customerRetried")
        }
    }

    private func firstSyncText(of tenant: TenantID, page: ConsolePageContext) async throws -> String? {
        guard let progress = try await feed.firstSync(of: tenant) else { return nil }
        let values = [
            "offered": String(progress.offered), "page": String(progress.nextPage),
            "pages": progress.totalPages.map(String.init) ?? "?", "number": progress.scanNumber.map(String.init) ?? "",
        ]
        guard progress.finishedAt == nil else { return page.text("customers.firstSyncDone", values) }
        return page.text(
            progress.scanNumber == nil ? "customers.firstSyncRunning" : "customers.firstSyncLookingUp",
            values
        )
    }

    private func row(for customer: StoredCustomer, page: ConsolePageContext) -> [String: Any] {
        let (symbol, tone) =
            switch customer.state {
            case .synced: ("✓", "good")
            case .pending: ("…", "warn")
            case .conflict: ("⚠", "warn")
            case .failed: ("✕", "bad")
            }
        return ConsoleValues.compact([
            "name": Self.displayName(of: customer), "sourceId": customer.sourceID,
            "sourceIdPath": ConsoleInvoiceRoutes.pathSegment(customer.sourceID),
            "stateLabel": "\(symbol) " + page.text("customerStates.\(customer.state.rawValue)"), "tone": tone,
            "reason": customer.stateReason, "number": customer.customerNumber ?? "–",
            "syncedAt": customer.syncedAt.map(page.format.dateTime) ?? "–",
            "canRetry": customer.state == .failed || customer.state == .conflict,
        ])
    }

    /// The company's name or the person's, read by the canonical customer's own reader; `–` when unreadable.
    private static func displayName(of customer: StoredCustomer) -> String {
        guard let canonical = try? customer.customer() else { return "–" }
        if let company = canonical.company { return company.name }
        guard let person = canonical.person else { return "–" }
        return [person.firstName, person.lastName].compactMap { $0 }.joined(separator: " ")
    }

    private static func option(_ value: String, _ label: String, _ selected: Bool) -> [String: Any] {
        ["value": value, "label": label, "selected": selected]
    }
}
