/// The CSS selectors the boards' markup rules are written in (as the reference gives them): type selectors and
/// `*`, `.class`, `[attribute]`, `[attribute='value']`, the descendant combinator (a space) and `,` between
/// alternatives. Scoped like XPath's `.//`: the first compound matches below the node searched, each next compound
/// below a match of the one before.
struct CSSSelector: Sendable, CustomStringConvertible {
    /// One compound selector: an optional tag name with classes and attribute tests, all required.
    struct Compound: Sendable {
        var tag: String?
        var classes: [String] = []
        var attributes: [(name: String, value: String?)] = []

        func matches(_ node: HTMLNode) -> Bool {
            guard case .element(let name, let attributes) = node.kind else { return false }
            if let tag, tag != name { return false }
            if !classes.isEmpty {
                let present = Set((attributes["class"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init))
                guard classes.allSatisfy(present.contains) else { return false }
            }
            return self.attributes.allSatisfy { test in
                guard let value = attributes[test.name] else { return false }
                return test.value.map { $0 == value } ?? true
            }
        }
    }

    /// The alternatives; each is a chain of compounds joined by descendant combinators.
    let alternatives: [[Compound]]
    let description: String

    /// Parses a selector written in this file's subset. The boards' selectors are constants of the code, so a
    /// malformed one is a programming error and traps (every one is parsed by the scraper tests).
    init(_ text: String) {
        do {
            alternatives = try CSSSelectorParser.parse(text)
        } catch {
            preconditionFailure("malformed CSS selector \(text.debugDescription): \(error.reason)")
        }
        description = text
    }

    /// The nodes below `scope` matching any alternative, each once, in document order.
    func select(in scope: HTMLNode) -> [HTMLNode] {
        var found: [Int: HTMLNode] = [:]
        for chain in alternatives {
            var current = [scope]
            for compound in chain {
                var next: [Int: HTMLNode] = [:]
                for node in current {
                    for match in Self.descendants(of: node, matching: compound) { next[match.order] = match }
                }
                current = Array(next.values)
            }
            for node in current { found[node.order] = node }
        }
        return found.values.sorted { $0.order < $1.order }
    }

    /// Every node below `node` matching `compound`, without recursion (pages may nest deeply).
    private static func descendants(of node: HTMLNode, matching compound: Compound) -> [HTMLNode] {
        var matches: [HTMLNode] = []
        var pending = Array(node.children.reversed())
        while let current = pending.popLast() {
            if compound.matches(current) { matches.append(current) }
            pending.append(contentsOf: current.children.reversed())
        }
        return matches
    }
}

/// Why a selector could not be read.
struct CSSSelectorError: Error {
    let reason: String
}

/// Reads the selector subset `CSSSelector` supports.
enum CSSSelectorParser {
    static func parse(_ text: String) throws(CSSSelectorError) -> [[CSSSelector.Compound]] {
        var alternatives: [[CSSSelector.Compound]] = []
        for alternative in text.split(separator: ",", omittingEmptySubsequences: false) {
            let words = alternative.split(whereSeparator: \.isWhitespace)
            guard !words.isEmpty else { throw CSSSelectorError(reason: "an empty alternative") }
            alternatives.append(try words.map { word throws(CSSSelectorError) in try compound(String(word)) })
        }
        return alternatives
    }

    /// One compound such as `div.field__item[property='content:encoded']`; attribute values hold no spaces.
    private static func compound(_ word: String) throws(CSSSelectorError) -> CSSSelector.Compound {
        var result = CSSSelector.Compound()
        var rest = Substring(word)
        let tag = rest.prefix(while: isNameCharacter)
        if !tag.isEmpty {
            result.tag = tag.lowercased()
        } else if rest.hasPrefix("*") {
            rest.removeFirst()
        }
        rest = rest.dropFirst(tag.count)
        while let first = rest.first {
            rest.removeFirst()
            switch first {
            case ".":
                let name = rest.prefix(while: isNameCharacter)
                guard !name.isEmpty else { throw CSSSelectorError(reason: "a class without a name in \(word)") }
                result.classes.append(String(name))
                rest = rest.dropFirst(name.count)
            case "[":
                guard let close = rest.firstIndex(of: "]") else {
                    throw CSSSelectorError(reason: "an unclosed [ in \(word)")
                }
                result.attributes.append(try attribute(rest[..<close], in: word))
                rest = rest[rest.index(after: close)...]
            default:
                throw CSSSelectorError(reason: "unsupported syntax at \(first) in \(word)")
            }
        }
        return result
    }

    /// `name` or `name='value'` (also `"value"` or a bare value).
    private static func attribute(_ text: Substring, in word: String) throws(CSSSelectorError) -> (
        name: String, value: String?
    ) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0]
        guard !name.isEmpty, name.allSatisfy(isNameCharacter) else {
            throw CSSSelectorError(reason: "a bad attribute name in \(word)")
        }
        guard parts.count == 2 else { return (name.lowercased(), nil) }
        var value = parts[1]
        if let quote = value.first, quote == "'" || quote == "\"" {
            guard value.count >= 2, value.last == quote else {
                throw CSSSelectorError(reason: "an unclosed quote in \(word)")
            }
            value = value.dropFirst().dropLast()
        }
        return (name.lowercased(), String(value))
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_"
    }
}
