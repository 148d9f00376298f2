import Foundation
import HTTPTypes
import HashTreeCollections
import Hummingbird
import LexofficeKit

/// `/v1/vouchers`: create, read, update and find bookkeeping vouchers, answering errors in the legacy shape.
///
/// Receipts are attached by ``FileRoutes`` (`POST /v1/vouchers/{id}/files`).
struct VoucherRoutes {
    let api: SandboxAPI

    func register<Context: RequestContext>(on routes: SandboxRouteTable<Context>) {
        routes.add(.post, "v1/vouchers", shape: .legacy) { call, _ in try await create(call) }
        routes.add(.get, "v1/vouchers", shape: .legacy) { call, _ in try list(call) }
        routes.add(.get, "v1/vouchers/:id", shape: .legacy) { call, context in
            let id = try call.pathID(context, what: "Voucher")
            guard call.state.isVisible(id) else { throw SandboxProblem.notFound("Voucher") }
            let voucher = try call.state.read(call.organizationID) { organization in
                try organization.vouchers[id].orThrow(.notFound("Voucher"))
            }
            return try SandboxResponses.json(voucher)
        }
        routes.add(.put, "v1/vouchers/:id", shape: .legacy) { call, context in
            try await update(call, id: try call.pathID(context, what: "Voucher"))
        }
    }

    /// Ends the simulated OCR of an uploaded receipt: `blank` becomes `unchecked` and `voucher.created` is sent
    /// (lexoffice announces uploaded vouchers only once OCR is done).
    static func finishOCR(of voucherID: LexofficeID, in organization: inout Organization, at now: LexofficeDateTime) {
        guard var voucher = organization.vouchers[voucherID], voucher.voucherStatus == .blank else { return }
        voucher.voucherStatus = .unchecked
        voucher.updatedDate = now
        organization.vouchers[voucherID] = voucher
        organization.emit(.voucherCreated, voucherID, at: now)
    }

    private func create(_ call: APICall) async throws -> Response {
        let body = try await Self.objectBody(of: call)
        let now = call.now
        let id = LexofficeID.random()
        // Hidden before it exists, so that no read between the two sees it.
        if let delay = call.replicationDelay { call.state.hide(id, for: delay) }
        try call.state.write(call.organizationID) { organization in
            let validation = VoucherValidation(organization: organization)
            let status = try validation.requestedStatus(in: body, fallback: .open)
            let failures = validation.failures(in: body, status: status, isCreate: true)
            guard failures.isEmpty else { throw SandboxProblem.validation(failures) }
            var voucher = Self.normalized(
                try call.decode(Voucher.self, from: Self.withoutReadOnlyFields(body)),
                status: status
            )
            voucher.id = id
            voucher.organizationId = organization.id
            voucher.files = []
            voucher.createdDate = now
            voucher.updatedDate = now
            voucher.version = 1
            organization.vouchers[id] = voucher
            organization.emit(.voucherCreated, id, at: now)
        }
        let result = ActionResult(
            id: id,
            resourceUri: api.resourceURI("vouchers", id),
            createdDate: now,
            updatedDate: now,
            version: 1
        )
        return try SandboxResponses.actionResult(result, created: true)
    }

    private func update(_ call: APICall, id: LexofficeID) async throws -> Response {
        let body = try await Self.objectBody(of: call)
        let now = call.now
        let result = try call.state.write(call.organizationID) { organization -> ActionResult in
            let stored = try organization.vouchers[id].orThrow(.notFound("Voucher"))
            let validation = VoucherValidation(organization: organization)
            let current = stored.voucherStatus ?? .open
            let status = try validation.requestedStatus(in: body, fallback: current)
            guard status == current || (current == .unchecked && status == .open) else {
                throw SandboxProblem.validation([
                    .invalid("voucherStatus", "nur der Wechsel von unchecked zu open ist erlaubt")
                ])
            }
            let failures = validation.failures(in: body, status: status, isCreate: false)
            guard failures.isEmpty else { throw SandboxProblem.validation(failures) }
            guard case .number(let version)? = body["version"], version == Decimal(stored.version ?? 1) else {
                throw SandboxProblem.conflict("The voucher was changed meanwhile (version mismatch).")
            }
            let files = try Self.keptFiles(in: body, of: stored)
            var voucher = Self.normalized(
                try call.decode(Voucher.self, from: Self.withoutReadOnlyFields(body)),
                status: status
            )
            voucher.id = id
            voucher.organizationId = organization.id
            voucher.files = files
            voucher.createdDate = stored.createdDate
            voucher.updatedDate = now
            voucher.version = (stored.version ?? 1) + 1
            for removed in stored.files ?? [] where !files.contains(removed) { organization.files[removed] = nil }
            organization.vouchers[id] = voucher
            organization.emit(.voucherChanged, id, at: now)
            if status != current {
                organization.emit(.voucherStatusChanged, id, at: now)
                // `unchecked` → `open`: the voucher now has an open amount, so its payment situation changed.
                organization.emit(.paymentChanged, id, at: now)
            }
            return ActionResult(
                id: id,
                resourceUri: api.resourceURI("vouchers", id),
                createdDate: voucher.createdDate,
                updatedDate: now,
                version: voucher.version
            )
        }
        return try SandboxResponses.actionResult(result, created: false)
    }

    /// `GET /v1/vouchers?voucherNumber=`: the deprecated exact-number filter; the parameter is required.
    private func list(_ call: APICall) throws -> Response {
        guard let raw = call.query("voucherNumber"), !raw.isEmpty else {
            throw SandboxProblem.badRequest(
                "Required request parameter 'voucherNumber' is not present.",
                parameter: "voucherNumber"
            )
        }
        let number = raw.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        let paging = try call.paging()
        let matches = call.state.visible(
            try call.state.read(call.organizationID) { organization in
                organization.vouchers.values.filter { $0.voucherNumber == number }.sorted(by: Self.newestFirst)
            },
            id: \.id
        )
        let sort = SortParameter(property: "voucherDate", isDescending: true).pageSort
        return try SandboxResponses.json(
            PageBuilder.page(of: matches, page: paging.page, size: paging.size, sort: [sort])
        )
    }

    /// The JSON body, which must be an object (400 otherwise).
    private static func objectBody(of call: APICall) async throws -> JSONValue {
        let body = try await call.jsonBody()
        guard case .object = body else { throw SandboxProblem.badRequest("Malformed JSON request body.") }
        return body
    }

    /// The voucher as lexoffice keeps it: dates as German local midnight, `dueDate` defaulted to `voucherDate`
    /// (not for `unchecked`), and no `contactId` next to the collective contact.
    private static func normalized(_ voucher: Voucher, status: VoucherStatus) -> Voucher {
        var voucher = voucher
        voucher.voucherStatus = status
        voucher.voucherDate = voucher.voucherDate.map(localMidnight)
        voucher.shippingDate = voucher.shippingDate.map(localMidnight)
        voucher.dueDate = voucher.dueDate.map(localMidnight) ?? (status == .unchecked ? nil : voucher.voucherDate)
        voucher.useCollectiveContact = voucher.useCollectiveContact ?? false
        if voucher.useCollectiveContact == true { voucher.contactId = nil }
        return voucher
    }

    private static func localMidnight(_ date: BookkeepingDate) -> BookkeepingDate {
        .dateTime(LexofficeDateTime(localMidnightOf: date.day))
    }

    /// The file ids a PUT keeps: all stored ones when `files` is absent, otherwise the listed ones, which must
    /// belong to the voucher (files are attached by upload, not by PUT).
    private static func keptFiles(in body: JSONValue, of stored: Voucher) throws -> [LexofficeID] {
        let attached = stored.files ?? []
        switch body["files"] {
        case nil, .null?:
            return attached
        case .array(let values)?:
            let ids = values.compactMap { $0.stringValue.flatMap { try? LexofficeID($0) } }
            guard ids.count == values.count, ids.allSatisfy(attached.contains) else {
                throw SandboxProblem.validation([.invalid("files", "Datei gehört nicht zu diesem Beleg")])
            }
            return attached.filter(ids.contains)
        default:
            throw SandboxProblem.validation([.invalid("files")])
        }
    }

    /// Drops what the server owns (ignored, not rejected); `voucherStatus`, `version` and `files` are applied
    /// by the routes themselves.
    private static func withoutReadOnlyFields(_ body: JSONValue) -> JSONValue {
        guard case .object(var members) = body else { return body }
        for key in ["id", "organizationId", "createdDate", "updatedDate", "voucherStatus", "version", "files"] {
            members[key] = nil
        }
        return .object(members)
    }

    /// Newest voucher date first (vouchers without a date last), then newest created.
    private static func newestFirst(_ lhs: Voucher, _ rhs: Voucher) -> Bool {
        switch (lhs.voucherDate?.day, rhs.voucherDate?.day) {
        case (let left?, let right?) where left != right: return left > right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (lhs.createdDate?.millisecondsSince1970 ?? 0) > (rhs.createdDate?.millisecondsSince1970 ?? 0)
        }
    }
}
