import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// The forwarding section of a tenant (issue 26): its settings (active, mode; the drop folder, which only partner
/// users may set: it is a path on the hub's machine), the forwarded documents by state with their reason and
/// lexoffice voucher, a retry for failed and skipped ones.
struct ConsoleDocumentRoutes {
    let tenants: TenantStore
    let documents: ForwardingStore
    let dropFolders: DropFolderAssignment
    let renderer: ConsoleRenderer
    let clock: any WallClock

    static let pageSize = 50

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant/documents") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let state = request.uri.queryParameters.get("state").flatMap(ForwardingState.init(rawValue:))
            let after = request.uri.queryParameters.get("after").flatMap { Int64($0) }
            let found = try await documents.documents(
                of: tenant.id,
                state: state,
                after: after,
                limit: Self.pageSize + 1
            )
            let shown = found.prefix(Self.pageSize)
            let base = "/ui/tenants/\(tenant.id)/documents?" + (state.map { "state=\($0.rawValue)" } ?? "")
            let settings = try await documents.settings(of: tenant.id)
            return renderer.page(
                "documents",
                ConsoleValues.compact([
                    "tenant": page.tenantValues(tenant), "tabDocuments": true,
                    "forwarding": ConsoleValues.compact([
                        "active": settings.isActive, "tone": settings.isActive ? "good" : "neutral",
                        "label": (settings.isActive ? "✓ " : "○ ")
                            + page.text(settings.isActive ? "documents.on" : "documents.off"),
                        "since": settings.activeSince.map(page.format.dateTime),
                        "dropFolder": settings.dropFolder,
                    ]),
                    "modes": ForwardingMode.allCases.map { mode in
                        [
                            "value": mode.rawValue, "label": page.text("documents.\(mode.rawValue)"),
                            "selected": settings.mode == mode,
                        ] as [String: Any]
                    },
                    "states": ForwardingState.allCases.map { option in
                        [
                            "value": option.rawValue, "label": page.text("documentStates.\(option.rawValue)"),
                            "selected": option == state,
                        ] as [String: Any]
                    },
                    "documents": shown.map { row(for: $0, page: page) },
                    "hasDocuments": !shown.isEmpty,
                    "firstPage": after == nil ? nil : base,
                    "nextPage": found.count > Self.pageSize ? base + "&after=\(shown.last?.sequence ?? 0)" : nil,
                ]),
                request: request,
                context: context
            )
        }
        group.post("tenants/:tenant/forwarding") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let form = context.form
            guard let mode = form.value("mode").flatMap(ForwardingMode.init(rawValue:)) else {
                throw ConsoleFailure(code: "validation-failed", fields: ["mode"])
            }
            let active = form.value("active") == "true"
            // Only partner users see (and may send) the drop folder; a tenant user's form leaves it as it is.
            var folder: String??
            if page.isPartner, let field = form.values("dropFolder").first {
                let text = field.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty {
                    folder = .some(nil)
                } else {
                    do {
                        folder = .some(try await dropFolders.checked(text, for: tenant.id))
                    } catch is DropFolderPolicy.Refusal {
                        throw ConsoleFailure(code: "validation-failed", fields: ["dropFolder"])
                    }
                }
            }
            let now = clock.now
            _ = try await documents.updateSettings(of: tenant.id) { [folder] settings in
                if active, !settings.isActive, settings.activeSince == nil { settings.activeSince = now }
                settings.isActive = active
                settings.mode = mode
                if let folder { settings.dropFolder = folder }
            }
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)/documents?notice=forwardingSaved")
        }
        group.post("tenants/:tenant/documents/:document/retry") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            do {
                guard try await documents.retry(try context.parameters.require("document"), of: tenant.id) != nil else {
                    throw ConsoleFailure(code: "not-found")
                }
            } catch let error as StoreError where error.code == .invalidState {
                throw ConsoleFailure(code: "not-retryable")
            }
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)/documents?notice=documentRetried")
        }
    }

    private func row(for document: ForwardedDocument, page: ConsolePageContext) -> [String: Any] {
        let (symbol, tone) =
            switch document.state {
            case .forwarded: ("✓", "good")
            case .pending: ("…", "warn")
            case .skipped: ("○", "neutral")
            case .failed: ("✕", "bad")
            }
        return ConsoleValues.compact([
            "id": document.id, "externalId": document.externalID, "fileName": document.fileName,
            "direction": page.text("documents.\(document.direction.rawValue)"),
            "stateLabel": "\(symbol) " + page.text("documentStates.\(document.state.rawValue)"), "tone": tone,
            "reason": document.reason, "voucherId": document.voucherID,
            "receivedAt": page.format.dateTime(document.receivedAt),
            "canRetry": ForwardingState.retryable.contains(document.state),
        ])
    }
}
