/// One way of writing a skill's name, split into tokens the way `TextTokenizer` splits ads.
struct SkillAlias: Sendable {
    /// Lower-cased token hashes, in order.
    let tokens: [UInt64]
    /// The exact-spelling hash (single-token ambiguous aliases only).
    let exactHash: UInt64
    /// Whether this alias is also an everyday word or letter and must be used as a name to count.
    let ambiguous: Bool
}

/// Every skill the scorer recognises: the questionnaire's technologies, common extras, and a person's
/// own entries. Built once; a profile adds its custom skills to a copy.
struct SkillCatalog: Sendable {
    private(set) var names: [String] = []
    /// The questionnaire key of each skill, nil for extras and custom entries.
    private(set) var keys: [String?] = []
    private(set) var aliases: [[SkillAlias]] = []
    private var indexByName: [String: Int] = [:]
    private var indexByKey: [String: Int] = [:]
    private var indexBySpelling: [[UInt64]: Int] = [:]

    /// The questionnaire's 226 technologies (Supabase twice, one skill) and the extras ads ask for.
    static let standard: SkillCatalog = {
        var catalog = SkillCatalog()
        for (_, technology) in Questionnaire.standard.allTechnologies {
            let aliases = SkillSynonyms.byKey[technology.key] ?? [technology.label]
            catalog.add(name: technology.label, key: technology.key, aliases: aliases)
        }
        for extra in SkillSynonyms.extras { catalog.add(name: extra.name, key: nil, aliases: extra.aliases) }
        return catalog
    }()

    var count: Int { names.count }

    func index(forKey key: String) -> Int? { indexByKey[key] }

    func index(forName name: String) -> Int? { indexByName[name.lowercased()] }

    /// The skill whose alias is exactly this text (`golang`, `Postgres`, `k8s`), if any.
    func index(forSpelling text: String) -> Int? {
        let tokens = Self.tokens(of: text.lowercased()).map(\.lower)
        return tokens.isEmpty ? nil : indexBySpelling[tokens]
    }

    /// Adds a skill (or more aliases to one of the same name) and returns its index.
    @discardableResult
    mutating func add(name: String, key: String?, aliases spellings: [String]) -> Int {
        let index: Int
        if let existing = indexByName[name.lowercased()] {
            index = existing
        } else {
            index = names.count
            names.append(name)
            keys.append(key)
            aliases.append([])
            indexByName[name.lowercased()] = index
        }
        if let key {
            indexByKey[key] = index
            keys[index] = key
        }
        for spelling in spellings {
            let ambiguous = spelling.hasPrefix("!")
            let text = ambiguous ? String(spelling.dropFirst()) : spelling
            let tokens = Self.tokens(of: text)
            guard !tokens.isEmpty, tokens.count <= 4 else { continue }
            let alias = SkillAlias(
                tokens: tokens.map(\.lower), exactHash: tokens[0].exact,
                ambiguous: ambiguous && tokens.count == 1)
            aliases[index].append(alias)
            if indexBySpelling[alias.tokens] == nil { indexBySpelling[alias.tokens] = index }
            // Inflected forms are unambiguous even for everyday words (`Reactia`, `Swiftiä`), with a few
            // exceptions where the form is itself a Finnish word (`make` + `a` is "sweet").
            if tokens.count == 1 && !FinnishForms.unsafeStems.contains(text.lowercased()) {
                for form in FinnishForms.inflections(of: text.lowercased()) {
                    let hash = TextTokenizer.hash(form)
                    aliases[index].append(SkillAlias(tokens: [hash], exactHash: hash, ambiguous: false))
                }
            }
        }
        return index
    }

    /// Lower-case and exact hashes of each token of a phrase.
    static func tokens(of text: String) -> [(lower: UInt64, exact: UInt64)] {
        var tokens: [(lower: UInt64, exact: UInt64)] = []
        TextTokenizer.forEachToken(in: text) { token, bytes in
            tokens.append((token.lowerHash, TextTokenizer.exactHash(of: token, in: bytes)))
        }
        return tokens
    }
}

/// Finnish case endings, so `Pythonia`, `Javalla`, `Reactin` and `Kubernetesiin` count as their skill.
enum FinnishForms {
    private static let afterConsonant = [
        "ia", "iä", "in", "iin", "illa", "illä", "issa", "issä", "ista", "istä", "ille", "ina", "inä", "iksi",
    ]
    private static let afterVowel = [
        "a", "ä", "n", "lla", "llä", "ssa", "ssä", "sta", "stä", "lle", "na", "nä", "ksi", "an", "han",
    ]

    /// Words whose inflected forms are ordinary Finnish words.
    static let unsafeStems: Set<String> = ["make", "ada"]

    /// Inflected forms of a plain lower-case word of at least three ASCII letters; empty otherwise.
    static func inflections(of word: String) -> [String] {
        guard word.count >= 3, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }), let last = word.last else {
            return []
        }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        if vowels.contains(last) {
            return afterVowel.map { word + $0 } + [word + String(last)]
        }
        return afterConsonant.map { word + $0 }
    }
}
