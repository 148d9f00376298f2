import Foundation

/// lexoffice's contact search: a case-insensitive substring match in which `_` is any one character, `%` any
/// sequence, and `\` makes the next character literal (SQL `LIKE '%pattern%'`).
struct LikePattern {
    private enum Token: Equatable {
        case literal(Character)
        case anyOne
        case anySequence
    }

    private let tokens: [Token]

    /// Parses a search value as lexoffice receives it (after URL decoding): HTML entities for `&`, `<`, `>`
    /// are turned back into the characters.
    init(searchText: String) {
        let text = searchText.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        var tokens: [Token] = [.anySequence]
        var escaping = false
        for character in text.lowercased() {
            if escaping {
                tokens.append(.literal(character))
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "_" {
                tokens.append(.anyOne)
            } else if character == "%" {
                tokens.append(.anySequence)
            } else {
                tokens.append(.literal(character))
            }
        }
        if escaping { tokens.append(.literal("\\")) }
        tokens.append(.anySequence)
        self.tokens = tokens
    }

    /// Whether `candidate` matches.
    func matches(_ candidate: String) -> Bool {
        let characters = Array(candidate.lowercased())
        // reachable[i]: the tokens consumed so far can match the first i characters.
        var reachable = [Bool](repeating: false, count: characters.count + 1)
        reachable[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: characters.count + 1)
            for index in 0...characters.count where reachable[index] {
                switch token {
                case .anySequence:
                    for end in index...characters.count { next[end] = true }
                case .anyOne:
                    if index < characters.count { next[index + 1] = true }
                case .literal(let character):
                    if index < characters.count, characters[index] == character { next[index + 1] = true }
                }
            }
            reachable = next
        }
        return reachable[characters.count]
    }
}
