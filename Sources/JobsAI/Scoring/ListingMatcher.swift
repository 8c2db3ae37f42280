/// What one scan of a text found.
struct TextFacts {
    /// Skill indexes in order of first mention, each once.
    var skills: [Int32] = []
    /// Bit `rank` set for every job-level word seen.
    var levels: UInt8 = 0
    /// The largest "N years" requirement seen.
    var requiredYears: Int?
    /// Bit per `RoleFamily` named.
    var families: UInt32 = 0
    /// Bit per city named (index in `PlaceVocabulary.cities`).
    var places: UInt32 = 0
    /// `RemoteSignal` bits.
    var remote: UInt8 = 0
    /// Bit `i` set when `skills[i]` was named as nice to have ("is a plus", "eduksi").
    var niceToHave: UInt64 = 0
}

/// What a text says about remote work, as bits of `TextFacts.remote`.
enum RemoteSignal {
    /// A remote word (`remote`, `etätyö`).
    static let mentioned: UInt8 = 1
    /// A fully remote phrase (`fully remote`, `täysin etänä`).
    static let fully: UInt8 = 2
    /// A hybrid word.
    static let hybrid: UInt8 = 4
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
        Self.insertPreferenceWords(into: &table)
        self.table = table
    }

    /// Role families, cities, remote words and section markers: found in the same pass as skills.
    private static func insertPreferenceWords(into table: inout TokenTable) {
        func insert(_ phrase: String, _ kind: TokenEntryKind, _ value: Int) {
            let hashes = SkillCatalog.tokens(of: phrase).map(\.lower)
            table.insert(tokens: hashes, kind: kind, value: Int32(value), ambiguous: false, exactHash: 0)
        }
        for entry in RoleVocabulary.phrases {
            let family = RoleFamily.allCases.firstIndex(of: entry.family) ?? 0
            for phrase in entry.words { insert(phrase, .family, family) }
        }
        for (index, city) in PlaceVocabulary.cities.enumerated() {
            for form in city.forms { insert(form, .place, index) }
        }
        for word in PlaceVocabulary.remoteWords { insert(word, .remote, Int(RemoteSignal.mentioned)) }
        for word in PlaceVocabulary.fullyRemotePhrases { insert(word, .remote, Int(RemoteSignal.fully)) }
        for word in PlaceVocabulary.hybridWords { insert(word, .remote, Int(RemoteSignal.hybrid)) }
        for word in SectionWords.required { insert(word, .section, 0) }
        for word in SectionWords.niceToHave { insert(word, .section, 1) }
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
            if token.startsSentence { context.sentenceSkills = facts.skills.count }
            let head = lookup.head(for: token.lowerHash)
            if head != -1 { match(token, from: head, lookup: lookup, bytes: bytes, context: &context, into: &facts) }
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
        context: inout ScanContext, into facts: inout TextFacts
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
                if !facts.skills.contains(entry.value) {
                    if context.niceToHave && facts.skills.count < 64 { facts.niceToHave |= 1 << facts.skills.count }
                    facts.skills.append(entry.value)
                }
            case .level:
                facts.levels |= 1 << UInt8(entry.value)
            case .yearUnit:
                if context.sinceNumber <= 2 && (1...20).contains(context.lastNumber) {
                    facts.requiredYears = max(facts.requiredYears ?? 0, context.lastNumber)
                }
            case .family:
                facts.families |= 1 << UInt32(entry.value)
            case .place:
                facts.places |= 1 << UInt32(entry.value)
            case .remote:
                facts.remote |= UInt8(entry.value)
            case .section:
                markSection(entry.value, context: &context, into: &facts)
            }
        }
    }

    /// A requirements header ends a nice-to-have part; a nice-to-have marker makes the skills of its
    /// sentence so far, and those after it, nice to have.
    private static func markSection(_ value: Int32, context: inout ScanContext, into facts: inout TextFacts) {
        guard !context.isTitle else { return }
        if value == 0 {
            context.niceToHave = false
            return
        }
        context.niceToHave = true
        var position = context.sentenceSkills
        while position < min(facts.skills.count, 64) {
            facts.niceToHave |= 1 << position
            position += 1
        }
    }
}

/// What the scanning loop remembers between tokens.
private struct ScanContext {
    let isTitle: Bool
    /// Skills found before the current sentence began.
    var sentenceSkills = 0
    /// Inside a nice-to-have part of the ad.
    var niceToHave = false
    /// Hashes of the last three tokens, latest first (for multi-word phrases).
    var previous0: UInt64 = 0
    var previous1: UInt64 = 0
    var previous2: UInt64 = 0
    /// The last number seen and how many tokens ago (for "5+ years").
    var lastNumber = -1
    var sinceNumber = 99

    init(isTitle: Bool) { self.isTitle = isTitle }
}
