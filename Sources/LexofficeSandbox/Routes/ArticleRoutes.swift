import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit

/// `/v1/articles`: products and services, with the price counterpart computed from the leading price.
struct ArticleRoutes {
    let api: SandboxAPI

    func register<Context: RequestContext>(on routes: SandboxRouteTable<Context>) {
        routes.add(.post, "v1/articles", shape: .regular) { call, _ in try await save(call, id: nil) }
        routes.add(.get, "v1/articles", shape: .regular) { call, _ in try list(call) }
        routes.add(.get, "v1/articles/:id", shape: .regular) { call, context in
            let id = try call.pathID(context, what: "Article")
            return try SandboxResponses.json(
                try call.state.read(call.organizationID) { try $0.articles[id].orThrow(.notFound("Article")) }
            )
        }
        routes.add(.put, "v1/articles/:id", shape: .regular) { call, context in
            try await save(call, id: try call.pathID(context, what: "Article"))
        }
        routes.add(.delete, "v1/articles/:id", shape: .regular) { call, context in
            let id = try call.pathID(context, what: "Article")
            try call.state.write(call.organizationID) { organization in
                guard organization.articles.removeValue(forKey: id) != nil else {
                    throw SandboxProblem.notFound("Article")
                }
                organization.emit(.articleDeleted, id, at: call.now)
            }
            return SandboxResponses.noContent
        }
    }

    /// Creates (`id == nil`) or replaces an article.
    private func save(_ call: APICall, id existingID: LexofficeID?) async throws -> Response {
        let body = try await call.jsonBody()
        let failures = Self.failures(in: body)
        guard failures.isEmpty else { throw SandboxProblem.validation(failures) }
        var article = try call.decode(Article.self, from: body)
        article.price = Self.completed(article.price)
        let now = call.now
        let id = existingID ?? .random()
        let result = try call.state.write(call.organizationID) { organization -> ActionResult in
            if let existingID {
                let stored = try organization.articles[existingID].orThrow(.notFound("Article"))
                guard article.version == stored.version else {
                    throw SandboxProblem.conflict("The article was changed meanwhile (version mismatch).")
                }
                article.createdDate = stored.createdDate
                article.version = (stored.version ?? 0) + 1
            } else {
                article.createdDate = now
                article.version = 0
            }
            article.id = id
            article.organizationId = organization.id
            article.updatedDate = now
            article.archived = false
            organization.articles[id] = article
            organization.emit(existingID == nil ? .articleCreated : .articleChanged, id, at: now)
            return ActionResult(
                id: id,
                resourceUri: api.resourceURI("articles", id),
                createdDate: article.createdDate,
                updatedDate: now,
                version: article.version
            )
        }
        return try SandboxResponses.actionResult(result, created: existingID == nil)
    }

    private func list(_ call: APICall) throws -> Response {
        let paging = try call.paging()
        let number = call.query("articleNumber")
        let gtin = call.query("gtin")
        let type = call.query("type").map(ArticleType.init(rawValue:))
        if let type, !type.isDocumented {
            throw SandboxProblem.badRequest(
                "Invalid value '\(type)' received for request parameter 'type'.",
                parameter: "type"
            )
        }
        let matches = try call.state.read(call.organizationID) { organization in
            organization.articles.values.filter { article in
                (number == nil || article.articleNumber == number) && (gtin == nil || article.gtin == gtin)
                    && (type == nil || article.type == type)
            }
            .sorted { $0.title < $1.title }
        }
        let sort = SortParameter(property: "title").pageSort
        return try SandboxResponses.json(
            PageBuilder.page(of: matches, page: paging.page, size: paging.size, sort: [sort])
        )
    }

    /// The leading price with its counterpart: `price × (1 + rate)` or `price ÷ (1 + rate)`, 2 decimals.
    static func completed(_ price: ArticlePrice) -> ArticlePrice {
        var price = price
        let factor = 1 + price.taxRate / 100
        if price.leadingPrice == .net, let net = price.netPrice {
            price.grossPrice = (net * factor).rounded(scale: 2)
        } else if price.leadingPrice == .gross, let gross = price.grossPrice {
            price.netPrice = (gross / factor).rounded(scale: 2)
        }
        return price
    }

    private static func failures(in body: JSONValue) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        for field in ["title", "unitName"] where (body[field]?.stringValue ?? "").isEmpty {
            failures.append(.missing(field))
        }
        switch body["type"]?.stringValue {
        case nil: failures.append(.missing("type"))
        case let type? where !ArticleType(rawValue: type).isDocumented: failures.append(.invalid("type"))
        default: break
        }
        if let gtin = body["gtin"]?.stringValue, !isValidGTIN(gtin) {
            failures.append(.invalid("gtin", "ungültige GTIN"))
        }
        guard let price = body["price"], price != .null else { return failures + [.missing("price")] }
        let leading = price["leadingPrice"]?.stringValue
        switch leading {
        case "NET": if case .number? = price["netPrice"] {} else { failures.append(.missing("price.netPrice")) }
        case "GROSS": if case .number? = price["grossPrice"] {} else { failures.append(.missing("price.grossPrice")) }
        case nil: failures.append(.missing("price.leadingPrice"))
        default: failures.append(.invalid("price.leadingPrice"))
        }
        guard case .number(let rate)? = price["taxRate"] else { return failures + [.missing("price.taxRate")] }
        if ![0, 7, 19].contains(rate) {
            failures.append(.invalid("price.taxRate", "Steuersatz muss 0, 7 oder 19 sein"))
        }
        return failures
    }

    /// GTIN-8, -12, -13 or -14 with a valid check digit.
    static func isValidGTIN(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == text.count, [8, 12, 13, 14].contains(digits.count) else { return false }
        let body = digits.dropLast().reversed().enumerated().map { index, digit in digit * (index % 2 == 0 ? 3 : 1) }
        return (10 - body.reduce(0, +) % 10) % 10 == digits.last
    }
}
