import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore
import LexofficeKit

/// The archive's section of a tenant (issue 25): its settings (sinks without secrets) with their form for partner
/// users (``ConsoleArchiveSettingsRoutes`` takes it), the items by state with their reasons and a retry for those not
/// archived, and the backfill's progress with its form. The archive's log entries are on the activity page.
struct ConsoleArchiveRoutes {
    let tenants: TenantStore
    let archive: ArchiveStore
    let renderer: ConsoleRenderer

    static let pageSize = 50

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant/archive") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let state = request.uri.queryParameters.get("state").flatMap(ArchiveItemState.init(rawValue:))
            let after = request.uri.queryParameters.get("after").flatMap { Int64($0) }
            let found = try await archive.items(of: tenant.id, state: state, after: after, limit: Self.pageSize + 1)
            let shown = found.prefix(Self.pageSize)
            let base = "/ui/tenants/\(tenant.id)/archive?" + (state.map { "state=\($0.rawValue)" } ?? "")
            let settings = try await archive.settings(of: tenant.id)
            let counts = try await archive.counts(of: tenant.id)
            let active = settings?.isActive ?? false
            let form = ConsoleArchiveSettingsPage(
                settings: settings,
                hasStampSecret: try await archive.hasStampSecret(of: tenant.id),
                invalidFields: (request.uri.queryParameters.get("fields") ?? "").split(separator: ",").map(String.init)
            )
            return renderer.page(
                "archive",
                ConsoleValues.compact([
                    "tenant": page.tenantValues(tenant), "tabArchive": true,
                    "archive": ConsoleValues.compact([
                        "tone": active ? "good" : "neutral",
                        "label": (active ? "✓ " : "○ ") + page.text(active ? "archive.on" : "archive.off"),
                        "activeSince": settings?.activeSince.map(page.format.dateTime) ?? "–",
                        "types": settings.map { settings in
                            settings.documentTypes.map { page.text("archiveTypes.\($0.rawValue)") }
                                .joined(separator: ", ")
                        } ?? "–",
                        "sinks": (settings?.sinks ?? []).map(Self.sinkText),
                        "counts": ArchiveItemState.allCases.map { state in
                            ["label": page.text("archiveStates.\(state.rawValue)"), "count": counts[state] ?? 0]
                        },
                    ]),
                    "backfill": try await backfillText(of: tenant.id, page: page),
                    "form": form.values(page: page), "canEdit": page.isPartner,
                    "states": ArchiveItemState.allCases.map { option in
                        [
                            "value": option.rawValue, "label": page.text("archiveStates.\(option.rawValue)"),
                            "selected": option == state,
                        ]
                    },
                    "items": shown.map { row(for: $0, page: page) },
                    "hasItems": !shown.isEmpty,
                    "firstPage": after == nil ? nil : base,
                    "nextPage": found.count > Self.pageSize ? base + "&after=\(shown.last?.id ?? 0)" : nil,
                ]),
                request: request,
                context: context
            )
        }
        group.post("tenants/:tenant/archive/items/:item/retry") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            do {
                guard let id = Int64(try context.parameters.require("item")),
                    try await archive.retry(id, of: tenant.id) != nil
                else {
                    throw ConsoleFailure(code: "not-found")
                }
            } catch let error as StoreError where error.code == .invalidState {
                throw ConsoleFailure(code: "not-retryable")
            }
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)/archive?notice=archiveRetried")
        }
    }

    private func backfillText(of tenant: TenantID, page: ConsolePageContext) async throws -> String? {
        guard let progress = try await archive.backfill(of: tenant) else { return nil }
        let values = [
            "from": progress.from.description, "to": progress.to.description, "queued": String(progress.queued),
            "windowFrom": progress.window.from.description, "windowTo": progress.window.to.description,
            "page": String(progress.nextPage), "pages": progress.totalPages.map(String.init) ?? "?",
        ]
        return page.text(progress.finishedAt == nil ? "archive.backfillRunning" : "archive.backfillDone", values)
    }

    private func row(for item: ArchiveItem, page: ConsolePageContext) -> [String: Any] {
        let (symbol, tone) =
            switch item.state {
            case .archived: ("✓", "good")
            case .pending: ("…", "warn")
            case .skipped: ("○", "neutral")
            case .failed: ("✕", "bad")
            }
        return ConsoleValues.compact([
            "id": String(item.id), "number": item.number ?? "–", "type": item.type.rawValue,
            "lexofficeId": item.lexofficeID,
            "stateLabel": "\(symbol) " + page.text("archiveStates.\(item.state.rawValue)"), "tone": tone,
            "reason": item.reason, "status": item.documentStatus ?? "–",
            "updatedAt": page.format.dateTime(item.updatedAt), "canRetry": item.state != .archived,
        ])
    }

    /// A sink as one line: its type and where it writes (never a secret).
    private static func sinkText(_ sink: ArchiveSinkSettings) -> String {
        let place = sink.path ?? sink.url ?? [sink.endpoint, sink.bucket].compactMap { $0 }.joined(separator: " / ")
        return "\(sink.type.rawValue): \(place)"
    }
}
