import Foundation

/// The issues found so far, in the order the checks run, with the checks that several members share.
///
/// Lengths are counted in UTF-16 code units, the way lexoffice counts them; for ordinary text that is the number
/// of characters.
struct SourceInvoiceIssueList {
    /// The issues in the order they were added.
    private(set) var issues: [SourceInvoiceIssue] = []

    /// Adds an issue.
    mutating func add(_ pointer: String, _ detail: String) {
        issues.append(SourceInvoiceIssue(pointer: pointer, detail: detail))
    }

    /// Checks a required text: not empty or only white space, and not longer than `limit`. The pointers of the
    /// checks are built only for an issue.
    mutating func checkRequired(_ text: String, at pointer: @autoclosure () -> String, limit: TextLimit? = nil) {
        if text.allSatisfy(\.isWhitespace) {
            add(pointer(), "must not be empty")
        } else if let limit {
            checkLength(text, at: pointer(), limit: limit)
        }
    }

    /// Checks an optional text: when present, not longer than `limit`.
    mutating func checkLength(_ text: String?, at pointer: @autoclosure () -> String, limit: TextLimit) {
        guard let text, text.utf16.count > limit.maximum else { return }
        add(pointer(), "must be at most \(limit.maximum) characters\(limit.reason)")
    }

    /// Checks an optional number: when present, within `range` and with at most `places` decimal places.
    mutating func checkNumber(
        _ number: Decimal?,
        at pointer: @autoclosure () -> String,
        in range: ClosedRange<Decimal>,
        places: Int
    ) {
        guard let number else { return }
        if !range.contains(number) {
            add(pointer(), "must be between \(range.lowerBound) and \(range.upperBound)")
        } else {
            checkPlaces(number, at: pointer(), places: places)
        }
    }

    /// Checks that a number has at most `places` decimal places (lexoffice's precision for it).
    mutating func checkPlaces(_ number: Decimal, at pointer: @autoclosure () -> String, places: Int) {
        var value = number
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, places, .plain)
        if rounded != number {
            add(pointer(), "must have at most \(places) decimal places (lexoffice's precision)")
        }
    }
}

/// The longest text a member may hold, and whose limit it is.
struct TextLimit {
    /// The maximum length in characters.
    let maximum: Int
    /// Why, as a suffix of the message: empty for the hub's own limits.
    let reason: String

    /// A limit lexoffice sets; exceeding it would fail the transfer later.
    static func lexoffice(_ maximum: Int) -> TextLimit {
        TextLimit(maximum: maximum, reason: " (lexoffice's limit)")
    }

    /// A limit the hub sets for identifiers it stores.
    static func hub(_ maximum: Int) -> TextLimit {
        TextLimit(maximum: maximum, reason: "")
    }
}
