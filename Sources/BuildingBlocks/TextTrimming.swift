/// Trimming by Unicode scalars, as Foundation's `trimmingCharacters(in:)` does (FoundationEssentials has none).
extension StringProtocol {
    /// The text without the leading and trailing scalars for which `isTrimmed` holds.
    public func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        // A scalar not trimmed exists, so the backward search finds one at or after `first`.
        let last = scalars.lastIndex(where: { !isTrimmed($0) }) ?? first
        return String(scalars[first...last])
    }

    /// Without leading and trailing spaces and tabs (`trimmingCharacters(in: .whitespaces)`).
    public func trimmingWhitespaces() -> String { trimmingScalars(where: ScalarClass.isWhitespace) }

    /// Without leading and trailing whitespace and line breaks (`trimmingCharacters(in: .whitespacesAndNewlines)`).
    public func trimmingWhitespacesAndNewlines() -> String {
        trimmingScalars(where: ScalarClass.isWhitespaceOrNewline)
    }
}
