/// Reads preferences from a person's description by rules, in English and Finnish, deterministically:
/// role families wanted or ruled out, cities, remote work, moving, level words, and technologies named in
/// prose with a weight from the wording. A negation ("not", "no", "ei", "en") rules out what follows it
/// up to the end of the sentence, a contrast ("but", "mutta", "I want") or a new clause that does not go on
/// listing families.
public struct PreferenceExtractor: Sendable {
    /// The extractor with the standard skill catalog.
    public static let standard = PreferenceExtractor()

    private let matcher = ListingMatcher(catalog: .standard)
    private let familyPhrases: [(family: RoleFamily, words: [String])]
    private let cityForms: [(city: Int, words: [String])]

    public init() {
        familyPhrases = RoleVocabulary.phrases.flatMap { entry in
            entry.words.map { (family: entry.family, words: ProseWords.split($0)) }
        }.sorted { $0.words.count > $1.words.count }
        cityForms = PlaceVocabulary.cities.enumerated().flatMap { index, city in
            city.forms.map { (city: index, words: ProseWords.split($0)) }
        }.sorted { $0.words.count > $1.words.count }
    }

    public func extract(_ text: String) -> CandidatePreferences {
        var found = Found()
        for sentence in ProseWords(text).sentences {
            read(sentence.words, into: &found)
            readSkills(sentence.text, into: &found)
        }
        var preferences = CandidatePreferences()
        preferences.excludedFamilies = found.excluded
        preferences.wantedFamilies = found.wanted.filter { !found.excluded.contains($0) }
        preferences.cities = found.cities.map { PlaceVocabulary.cities[$0].name }
        preferences.excludedCities = found.excludedCities.filter { !found.cities.contains($0) }
            .map { PlaceVocabulary.cities[$0].name }
        preferences.remote = found.remote
        preferences.relocation = found.relocation
        preferences.levels = JobLevel.allCases.filter { found.levels.contains($0) }
        preferences.proseSkills = found.skills
        return preferences
    }

    /// What the sentences have said so far.
    private struct Found {
        var wanted: [RoleFamily] = []
        var excluded: [RoleFamily] = []
        var cities: [Int] = []
        var excludedCities: [Int] = []
        var remote = RemoteWish.unspecified
        var relocation = RelocationWish.unspecified
        var levels: Set<JobLevel> = []
        var skills: [ProseSkill] = []
    }

    // MARK: Families, places, remote work, moving, levels

    private func read(_ words: [String], into found: inout Found) {
        let refusesToMove = words.indices.contains { index in
            isRelocation(words[index])
                && (max(0, index - 4)..<index).contains { ProseCues.negations.contains(words[$0]) }
        }
        let hasWant = words.contains { ProseCues.wants.contains($0) }
        var negated = false
        var preferredRather = false
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == ProseWords.clauseBreak {
                let next = index + 1 < words.count ? words[index + 1] : ""
                if !ProseCues.listContinuations.contains(next) && family(at: index + 1, in: words) == nil {
                    negated = false
                }
                index += 1
                continue
            }
            if ProseCues.negations.contains(word) {
                negated = true
            } else if ProseCues.contrasts.contains(word) || ProseCues.wants.contains(word) {
                let recent = words[max(0, index - 2)..<index]
                if !recent.contains(where: ProseCues.negations.contains) { negated = false }
                if word == "rather" || word == "mieluummin" { preferredRather = true }
            } else if preferredRather && (word == "than" || word == "kuin") {
                negated = true
            }
            if let named = family(at: index, in: words) {
                if negated {
                    append(named.family, to: &found.excluded)
                } else if !ProseCues.nonEngineering.contains(named.family) || hasWant {
                    append(named.family, to: &found.wanted)
                }
                index += named.length
                continue
            }
            if let named = city(at: index, in: words) {
                if negated && !refusesToMove {
                    if !found.excludedCities.contains(named.city) { found.excludedCities.append(named.city) }
                } else if !found.cities.contains(named.city) {
                    found.cities.append(named.city)
                }
                index += named.length
                continue
            }
            if isRemote(at: index, in: words) {
                found.remote = negated ? .refused : .wanted
            } else if PlaceVocabulary.hybridWords.contains(word) && found.remote == .unspecified {
                found.remote = negated ? .refused : .hybrid
            } else if isRelocation(word) {
                found.relocation = negated ? .refused : .willing
            } else if !negated, let level = ProseCues.level(of: word) {
                found.levels.insert(level)
            }
            index += 1
        }
    }

    private func append(_ family: RoleFamily, to list: inout [RoleFamily]) {
        if !list.contains(family) { list.append(family) }
    }

    /// The family a phrase or Finnish stem at `index` names, and how many words it takes.
    private func family(at index: Int, in words: [String]) -> (family: RoleFamily, length: Int)? {
        guard index < words.count else { return nil }
        for entry in familyPhrases where ProseWords.phrase(entry.words, at: index, in: words) {
            return (entry.family, entry.words.count)
        }
        let word = words[index]
        for entry in RoleVocabulary.proseStems where word.hasPrefix(entry.stem) { return (entry.family, 1) }
        // English words with Finnish endings (`backendiä`, `devopsia`).
        for entry in familyPhrases where entry.words.count == 1 && entry.words[0].count >= 4 {
            if FinnishForms.inflections(of: entry.words[0]).contains(word) { return (entry.family, 1) }
        }
        return nil
    }

    private func city(at index: Int, in words: [String]) -> (city: Int, length: Int)? {
        for entry in cityForms where ProseWords.phrase(entry.words, at: index, in: words) {
            return (entry.city, entry.words.count)
        }
        return nil
    }

    private func isRemote(at index: Int, in words: [String]) -> Bool {
        let word = words[index]
        return word == "remote" || word.hasPrefix("etätyö") || word.hasPrefix("etät") || word == "etänä"
            || word == "etä" || ProseWords.phrase(["work", "from", "home"], at: index, in: words)
    }

    private func isRelocation(_ word: String) -> Bool {
        PlaceVocabulary.relocationStems.contains { word.hasPrefix($0) }
    }

    // MARK: Technologies named in prose

    /// Technologies in each clause, with a weight from the clause's words; negated ones are left out.
    private func readSkills(_ sentence: String, into found: inout Found) {
        for clause in ProseCues.clauses(of: sentence) {
            var facts = TextFacts()
            matcher.scan(clause, into: &facts)
            guard !facts.skills.isEmpty else { continue }
            let words = Set(ProseWords(clause).sentences.flatMap(\.words))
            if !words.isDisjoint(with: ProseCues.negations) { continue }
            let minor = !words.isDisjoint(with: ProseCues.minor) || words.contains { $0.hasPrefix("testiskript") }
            let level: Int
            if minor {
                level = 1
            } else if let years = facts.requiredYears {
                level = ProseCues.level(forYears: years)
            } else {
                level = words.isDisjoint(with: ProseCues.strong) ? 4 : 6
            }
            for index in facts.skills {
                let name = matcher.catalog.names[Int(index)]
                guard !found.skills.contains(where: { $0.name == name }) else { continue }
                found.skills.append(
                    ProseSkill(name: name, key: matcher.catalog.keys[Int(index)], level: level, minor: minor))
            }
        }
    }
}
