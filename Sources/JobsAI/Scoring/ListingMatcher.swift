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
        var text = text
        text.withUTF8 { bytes in
            table.withLookup { lookup in Self.scan(bytes, lookup: lookup, isTitle: isTitle, into: &facts) }
        }
    }

    /// The scanning loop: one table probe a token; only tokens found in the table go further.
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, lookup: TokenLookup, isTitle: Bool, into facts: inout TextFacts
    ) {
        var context = ScanContext(isTitle: isTitle)
        TextTokenizer.forEachToken(in: bytes) { token in
            let head = lookup.head(for: token.lowerHash)
            if head != -1 { match(token, from: head, lookup: lookup, bytes: bytes, context: context, into: &facts) }
            if token.isNumber {
                context.lastNumber = token.number(in: bytes)
                context.sinceNumber = 0
            } else {
                context.sinceNumber += 1
            }
            context.previous2 = context.previous1
            context.previous1 = context.previous0
            context.previous0 = token.lowerHash
        }
    }

    /// Applies every table entry under a token's hash whose earlier words and spelling rules fit.
    @inline(never)
    private static func match(
        _ token: TextToken, from head: Int32, lookup: TokenLookup, bytes: UnsafeBufferPointer<UInt8>,
        context: ScanContext, into facts: inout TextFacts
    ) {
        var cursor = head
        while cursor != -1 {
            let entry = lookup.entries[Int(cursor)]
            cursor = entry.next
            if entry.previousCount > 0 {
                guard entry.previous0 == context.previous0 else { continue }
                if entry.previousCount > 1 && entry.previous1 != context.previous1 { continue }
                if entry.previousCount > 2 && entry.previous2 != context.previous2 { continue }
            }
            if entry.ambiguous {
                let flags = token.flags(in: bytes)
                guard flags & TokenFlags.joined == 0,
                    TextTokenizer.exactHash(of: token, in: bytes) == entry.exactHash
                else { continue }
                if !context.isTitle && flags & TokenFlags.sentenceStart != 0 && flags & TokenFlags.listItem == 0 {
                    continue
                }
            }
            switch entry.kind {
            case .skill:
                if !facts.skills.contains(entry.value) { facts.skills.append(entry.value) }
            case .level:
                facts.levels |= 1 << UInt8(entry.value)
            case .yearUnit:
                if context.sinceNumber <= 2 && (1...20).contains(context.lastNumber) {
                    facts.requiredYears = max(facts.requiredYears ?? 0, context.lastNumber)
                }
            }
        }
    }
}

/// What the scanning loop remembers between tokens.
private struct ScanContext {
    let isTitle: Bool
    /// Hashes of the last three tokens, latest first (for multi-word phrases).
    var previous0: UInt64 = 0
    var previous1: UInt64 = 0
    var previous2: UInt64 = 0
    /// The last number seen and how many tokens ago (for "5+ years").
    var lastNumber = -1
    var sinceNumber = 99

    init(isTitle: Bool) { self.isTitle = isTitle }
}
