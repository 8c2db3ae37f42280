/// What one scan of a text found.
struct TextFacts {
    /// Skill indexes in order of first mention, each once.
    var skills: [Int32] = []
    /// Bit `rank` set for every job-level word seen.
    var levels: UInt8 = 0
    /// The largest "N years" requirement seen.
    var requiredYears: Int?
}

/// A catalog compiled into a token table: finds skills, level words and years requirements in a text
/// in a single pass over its bytes.
struct ListingMatcher: Sendable {
    let catalog: SkillCatalog
    private let table: TokenTable

    init(catalog: SkillCatalog) {
        self.catalog = catalog
        let aliasCount = catalog.aliases.reduce(0) { $0 + $1.count }
        var table = TokenTable(expectedEntries: aliasCount + 128)
        for (index, aliases) in catalog.aliases.enumerated() {
            for alias in aliases {
                table.insert(
                    tokens: alias.tokens, kind: .skill, value: Int32(index), ambiguous: alias.ambiguous,
                    exactHash: alias.exactHash)
            }
        }
        for (level, words) in LevelSignals.byLevel {
            for word in words {
                let hashes = SkillCatalog.tokens(of: word).map(\.lower)
                table.insert(tokens: hashes, kind: .level, value: Int32(level.rank), ambiguous: false, exactHash: 0)
            }
        }
        for word in LevelSignals.yearWords {
            table.insert(tokens: [TextTokenizer.hash(word)], kind: .yearUnit, value: 0, ambiguous: false, exactHash: 0)
        }
        self.table = table
    }

    /// Scans a text, adding what it finds to `facts`, each skill once (an ad names a handful, so a linear
    /// check beats allocating a flag per catalog skill for every listing).
    /// Titles are written in title case, so there a capitalised first word still counts as a name.
    func scan(_ text: String, isTitle: Bool = false, into facts: inout TextFacts) {
        var previous0: UInt64 = 0
        var previous1: UInt64 = 0
        var previous2: UInt64 = 0
        var lastNumber = -1
        var sinceNumber = 99
        table.withLookup { lookup in
            TextTokenizer.forEachToken(in: text) { token, bytes in
                var cursor = lookup.head(for: token.lowerHash)
                while cursor != -1 {
                    let entry = lookup.entries[Int(cursor)]
                    cursor = entry.next
                    if entry.previousCount > 0 {
                        guard entry.previous0 == previous0 else { continue }
                        if entry.previousCount > 1 && entry.previous1 != previous1 { continue }
                        if entry.previousCount > 2 && entry.previous2 != previous2 { continue }
                    }
                    if entry.ambiguous {
                        guard token.flags & TokenFlags.joined == 0,
                            TextTokenizer.exactHash(of: token, in: bytes) == entry.exactHash
                        else { continue }
                        if !isTitle && token.flags & TokenFlags.sentenceStart != 0
                            && token.flags & TokenFlags.listItem == 0
                        {
                            continue
                        }
                    }
                    switch entry.kind {
                    case .skill:
                        if !facts.skills.contains(entry.value) { facts.skills.append(entry.value) }
                    case .level:
                        facts.levels |= 1 << UInt8(entry.value)
                    case .yearUnit:
                        if sinceNumber <= 2 && (1...20).contains(lastNumber) {
                            facts.requiredYears = max(facts.requiredYears ?? 0, lastNumber)
                        }
                    }
                }
                if token.number >= 0 {
                    lastNumber = token.number
                    sinceNumber = 0
                } else {
                    sinceNumber += 1
                }
                previous2 = previous1
                previous1 = previous0
                previous0 = token.lowerHash
            }
        }
    }
}
