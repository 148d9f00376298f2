/// Which side of a customer sync a value comes from.
package enum CustomerSide: String, Sendable, Codable, CaseIterable {
    /// The source application.
    case source
    /// lexoffice.
    case lexoffice
}

/// A member both sides changed differently since they last agreed, with both values (JSON text, `nil` when
/// absent) and the side whose value was kept.
package struct CustomerFieldConflict: Sendable, Equatable {
    /// The member's JSON pointer, e.g. `#/company/name`; `#` when the sides could not be merged member by member.
    package var pointer: String
    /// The source's value.
    package var sourceValue: String?
    /// lexoffice's value.
    package var lexofficeValue: String?
    /// The side whose value the merge kept.
    package var kept: CustomerSide

    /// A conflict.
    package init(pointer: String, sourceValue: String?, lexofficeValue: String?, kept: CustomerSide) {
        self.pointer = pointer
        self.sourceValue = sourceValue
        self.lexofficeValue = lexofficeValue
        self.kept = kept
    }
}

/// A three-way merge of a customer, member by member, against the last state both sides agreed on (`base`): a
/// member only one side changed takes that side's value; one both changed alike is kept; one both changed
/// differently is a conflict and takes the `winner`'s value. Without a base (the sides were never synced), a
/// member only one side has is taken, differing members are conflicts.
///
/// lexoffice's customer number always wins (lexoffice assigns it). Members are the leaves of the canonical JSON
/// (`company/name`, `emails/business`); lists (contact persons) are compared whole. When the member-wise result is
/// not a valid customer (say, one side turned the company into a person while the other edited the company), the
/// winner's whole customer is taken and the conflict named `#`.
package struct CustomerMerge: Sendable {
    /// The merged customer.
    package var merged: CanonicalCustomer
    /// The members both sides changed differently.
    package var conflicts: [CustomerFieldConflict]

    /// Merges `source` and `lexoffice` against `base`.
    package init(
        base: CanonicalCustomer?,
        source: CanonicalCustomer,
        lexoffice: CanonicalCustomer,
        winner: CustomerSide
    ) {
        let baseLeaves = base.map { Self.leaves(of: $0) }
        let sourceLeaves = Self.leaves(of: source)
        let lexofficeLeaves = Self.leaves(of: lexoffice)
        var merged: [String: PlainJSON] = [:]
        var conflicts: [CustomerFieldConflict] = []
        let paths = Set(sourceLeaves.keys).union(lexofficeLeaves.keys).union(baseLeaves?.keys ?? [:].keys)
        for path in paths.sorted() where path != "customerNumber" {
            let fromSource = sourceLeaves[path]
            let fromLexoffice = lexofficeLeaves[path]
            let chosen: Leaf?
            if fromSource?.text == fromLexoffice?.text {
                chosen = fromSource
            } else if let baseLeaves, baseLeaves[path]?.text == fromSource?.text {
                chosen = fromLexoffice
            } else if let baseLeaves, baseLeaves[path]?.text == fromLexoffice?.text {
                chosen = fromSource
            } else if baseLeaves == nil, fromSource == nil || fromLexoffice == nil {
                chosen = fromSource ?? fromLexoffice
            } else {
                conflicts.append(
                    CustomerFieldConflict(
                        pointer: "#/" + path,
                        sourceValue: fromSource?.text,
                        lexofficeValue: fromLexoffice?.text,
                        kept: winner
                    )
                )
                chosen = winner == .source ? fromSource : fromLexoffice
            }
            if let chosen { merged[path] = chosen.value }
        }
        if let customerNumber = lexoffice.customerNumber { merged["customerNumber"] = .string(customerNumber) }
        if let customer = try? CanonicalCustomer(plainJSON: Self.tree(of: merged)),
            customer.validationIssues().isEmpty
        {
            self.merged = customer
            self.conflicts = conflicts
        } else {
            var whole = winner == .source ? source : lexoffice
            whole.customerNumber = lexoffice.customerNumber
            self.merged = whole
            self.conflicts = [
                CustomerFieldConflict(
                    pointer: "#",
                    sourceValue: source.canonicalJSON,
                    lexofficeValue: lexoffice.canonicalJSON,
                    kept: winner
                )
            ]
        }
    }

    /// A member's value and its JSON text (what is compared).
    private struct Leaf {
        var value: PlainJSON
        var text: String
    }

    /// The leaves of the customer's canonical JSON by path (`company/name`); lists are leaves.
    private static func leaves(of customer: CanonicalCustomer) -> [String: Leaf] {
        let json = Array(customer.canonicalJSON.utf8)
        guard let document = json.withUnsafeBytes({ PlainJSON.parse($0) }) else { return [:] }
        var leaves: [String: Leaf] = [:]
        collect(document, path: "", into: &leaves)
        return leaves
    }

    private static func collect(_ value: PlainJSON, path: String, into leaves: inout [String: Leaf]) {
        if case .object(let members) = value {
            for member in members {
                collect(member.value, path: path.isEmpty ? member.name : path + "/" + member.name, into: &leaves)
            }
        } else {
            leaves[path] = Leaf(value: value, text: value.jsonText)
        }
    }

    /// The JSON object the leaves make.
    private static func tree(of leaves: [String: PlainJSON]) -> PlainJSON {
        var children: [String: [String: PlainJSON]] = [:]
        var members: [(name: String, value: PlainJSON)] = []
        for (path, value) in leaves.sorted(by: { $0.key < $1.key }) {
            guard let slash = path.firstIndex(of: "/") else {
                members.append((path, value))
                continue
            }
            children[String(path[..<slash]), default: [:]][String(path[path.index(after: slash)...])] = value
        }
        for (name, nested) in children.sorted(by: { $0.key < $1.key }) {
            members.append((name, tree(of: nested)))
        }
        return .object(members)
    }
}

extension PlainJSON {
    /// The value as JSON text (members in their order).
    package var jsonText: String {
        switch self {
        case .string(let text):
            var writer = CanonicalJSONWriter(reservingCapacity: text.utf8.count + 2)
            writer.string(text)
            return writer.text
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let elements): return "[" + elements.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            return "{"
                + members.map { PlainJSON.string($0.name).jsonText + ":" + $0.value.jsonText }
                .joined(separator: ",") + "}"
        }
    }
}
