import ArgumentParser
import Foundation
import LexofficeKit

/// The flags for an article's common fields; they override the same fields of `--data`.
struct ArticleFields: ParsableArguments {
    @Option(help: "The article's name.")
    var title: String?

    @Option(help: "PRODUCT or SERVICE.")
    var type: String?

    @Option(help: "The unit, e.g. Stück or Stunde.")
    var unit: String?

    @Option(help: "Your own article number.")
    var articleNumber: String?

    @Option(help: "A description.")
    var description: String?

    @Option(help: "The net price (makes the net price the leading one).")
    var netPrice: String?

    @Option(help: "The gross price (makes the gross price the leading one).")
    var grossPrice: String?

    @Option(help: "The tax rate in percent, e.g. 19 or 7.")
    var taxRate: String?

    func validate() throws {
        guard netPrice == nil || grossPrice == nil else {
            throw ValidationError("give --net-price or --gross-price, not both")
        }
        for (flag, value) in [("--net-price", netPrice), ("--gross-price", grossPrice), ("--tax-rate", taxRate)] {
            if let value, Decimal(string: value) == nil { throw ValidationError("\(flag) must be a number") }
        }
    }

    /// Writes the given fields into an article's JSON.
    func apply(to article: inout JSONValue) {
        let strings = [
            ("title", title), ("type", type?.uppercased()), ("unitName", unit), ("articleNumber", articleNumber),
            ("description", description),
        ]
        for (path, value) in strings { if let value { article.set(.string(value), at: path) } }
        if let netPrice, let amount = Decimal(string: netPrice) {
            article.set(.number(amount), at: "price.netPrice")
            article.set(.string(LeadingPrice.net.rawValue), at: "price.leadingPrice")
        }
        if let grossPrice, let amount = Decimal(string: grossPrice) {
            article.set(.number(amount), at: "price.grossPrice")
            article.set(.string(LeadingPrice.gross.rawValue), at: "price.leadingPrice")
        }
        if let taxRate, let rate = Decimal(string: taxRate) { article.set(.number(rate), at: "price.taxRate") }
    }
}
