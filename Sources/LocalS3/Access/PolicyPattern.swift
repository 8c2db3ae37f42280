/// A policy wildcard pattern: `*` matches any run of characters (`/` included), `?` exactly one.
struct PolicyPattern: Sendable, Hashable {
    let text: String
    private let scalars: [Unicode.Scalar]
    let hasWildcards: Bool

    /// `caseInsensitive` patterns (actions) are kept lowercased and must be matched against lowercased values.
    init(_ text: String, caseInsensitive: Bool = false) {
        self.text = caseInsensitive ? text.lowercased() : text
        scalars = Array(self.text.unicodeScalars)
        hasWildcards = scalars.contains("*") || scalars.contains("?")
    }

    func matches(_ value: String) -> Bool {
        if !hasWildcards { return value == text }
        return Self.glob(scalars[...], Array(value.unicodeScalars)[...])
    }

    /// Iterative glob with single-star backtracking: linear in practice, never exponential.
    static func glob(_ pattern: ArraySlice<Unicode.Scalar>, _ value: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = pattern.startIndex
        var v = value.startIndex
        var star: (pattern: Int, value: Int)?
        while v < value.endIndex {
            if p < pattern.endIndex && (pattern[p] == "?" || pattern[p] == value[v]) {
                p += 1
                v += 1
            } else if p < pattern.endIndex && pattern[p] == "*" {
                star = (p, v)
                p += 1
            } else if let last = star {
                p = last.pattern + 1
                v = last.value + 1
                star = (last.pattern, last.value + 1)
            } else {
                return false
            }
        }
        while p < pattern.endIndex && pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }
}
