import Foundation
import Hummingbird

/// The console's languages: German by default, English by `Accept-Language` or the switch (a cookie).
package enum ConsoleLanguage: String, Sendable, CaseIterable {
    case de
    case en

    /// The cookie the language switch sets.
    static let cookie = "kontor_lang"

    /// The language for `request`: the switch's cookie, else the first of ours in `Accept-Language` (by `q`),
    /// else German.
    static func of(_ request: Request) -> ConsoleLanguage {
        if let chosen = ConsoleCookies.value(named: cookie, in: request).flatMap(ConsoleLanguage.init(rawValue:)) {
            return chosen
        }
        let accepted = (request.headers[.acceptLanguage] ?? "").split(separator: ",").compactMap { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let primary = parts.first?.split(separator: "-").first.map { $0.lowercased() } ?? ""
            return ConsoleLanguage(rawValue: primary).map { (language: $0, quality: quality) }
        }
        return accepted.filter { $0.quality > 0 }.max { $0.quality < $1.quality }?.language ?? .de
    }

    /// The other language, for the switch.
    var other: ConsoleLanguage { self == .de ? .en : .de }
}

/// Reads cookies of a request.
enum ConsoleCookies {
    /// The value of the cookie `name`, if the request carries it.
    static func value(named name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == name { return String(parts[1]) }
            }
        }
        return nil
    }
}
