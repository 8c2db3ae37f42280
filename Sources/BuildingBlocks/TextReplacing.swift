/// Case-insensitive replacement, as Foundation's `replacingOccurrences(of:with:options: .caseInsensitive)`
/// (FoundationEssentials has none; for exact matches use the standard library's `replacing(_:with:)`).
extension StringProtocol {
    /// Every occurrence of `target`, compared character by character in lower case, replaced by `replacement`;
    /// matches do not overlap and are found from the start.
    public func replacingCaseInsensitive(_ target: some StringProtocol, with replacement: some StringProtocol)
        -> String
    {
        let wanted = target.map { $0.lowercased() }
        guard !wanted.isEmpty else { return String(self) }
        var result = ""
        var index = startIndex
        while index < endIndex {
            if let end = matchEnd(of: wanted, at: index) {
                result += replacement
                index = end
            } else {
                result.append(self[index])
                index = self.index(after: index)
            }
        }
        return result
    }

    /// Where `wanted` (lower-cased characters) ends when it starts at `start`, or nil.
    private func matchEnd(of wanted: [String], at start: Index) -> Index? {
        var index = start
        for character in wanted {
            guard index < endIndex, self[index].lowercased() == character else { return nil }
            index = self.index(after: index)
        }
        return index
    }
}
