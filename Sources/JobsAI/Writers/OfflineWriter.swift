/// The default writer: deterministic, no network. It writes a letter specific to each job from the
/// listing (company, title, requirements), the matched skills with their years, and the person's own
/// description, in the chosen style or a mix of two (the first sets the opening, the second the close).
public struct OfflineWriter: Writer {
    public init() {}

    public var name: String { "offline" }

    public func write(_ plan: LetterPlan) async throws -> Letter {
        let listing = plan.listing
        let company = listing.company.isEmpty ? "your company" : listing.company
        let title = listing.title.isEmpty ? "open" : listing.title
        let facts = LetterFacts(
            title: title, company: company, location: listing.location,
            variant: Int(truncatingIfNeeded: TextTokenizer.hash(company.lowercased() + "|" + title.lowercased()) >> 1))
        let first = plan.styles.first ?? .professional
        let second = plan.styles.count > 1 ? plan.styles[1] : first

        var paragraphs = [opening(plan, style: first, facts: facts), skills(plan, style: second, facts: facts)]
        if let personal = personal(plan, style: first) { paragraphs.append(personal) }
        paragraphs.append(StylePhrases.closing(second, facts))
        return Letter(
            company: company, title: title, salutation: StylePhrases.salutation(first, facts), paragraphs: paragraphs,
            closing: StylePhrases.signOff(second), writer: name)
    }

    private func opening(_ plan: LetterPlan, style: LetterStyle, facts: LetterFacts) -> String {
        var sentences = [StylePhrases.opening(style, facts)]
        let strongest = plan.matchedSkills.prefix(2).map(\.name)
        if !strongest.isEmpty {
            sentences.append(
                "With hands-on experience in \(StylePhrases.list(strongest)), I can contribute to \(facts.company) from the start."
            )
        } else if let top = plan.profile.skills.first {
            sentences.append("My strongest skill is \(top.name), and I am eager to put it to work at \(facts.company).")
        }
        if let level = plan.detectedLevel, plan.profile.jobLevels.contains(level) {
            sentences.append("The \(Self.levelName(level)) level of the role is exactly the step I am looking for.")
        }
        return sentences.joined(separator: " ")
    }

    private func skills(_ plan: LetterPlan, style: LetterStyle, facts: LetterFacts) -> String {
        var sentences = [StylePhrases.skillsLead(style)]
        let matched = Array(plan.matchedSkills.prefix(4))
        if matched.isEmpty {
            let own = plan.profile.skills.prefix(3).map { "\($0.name) (\(StylePhrases.years($0.level)))" }
            if !own.isEmpty { sentences.append("I bring \(StylePhrases.list(own)).") }
        } else {
            // Group skills by years so the sentence reads naturally: "more than three years of Python and SQL".
            var groups: [(years: String, names: [String])] = []
            for skill in matched {
                let years = StylePhrases.years(skill.level)
                if let index = groups.firstIndex(where: { $0.years == years }) {
                    groups[index].names.append(skill.name)
                } else {
                    groups.append((years, [skill.name]))
                }
            }
            let parts = groups.map { "\($0.years) of \(StylePhrases.list($0.names))" }
            sentences.append("I have \(StylePhrases.list(parts)), all of which the \(facts.title) role calls for.")
        }
        if let requirement = plan.requirements.first {
            sentences.append(
                "Your ad mentions \"\(Self.trimmedQuote(requirement))\", and that is exactly the kind of work I want to do."
            )
        }
        if let missing = plan.missingSkills.first {
            sentences.append(StylePhrases.gap(style, missing: missing))
        }
        return sentences.joined(separator: " ")
    }

    /// Up to two sentences of the person's own description, the ones sharing most words with the ad.
    private func personal(_ plan: LetterPlan, style: LetterStyle) -> String? {
        let sentences = Self.sentences(of: plan.profile.description)
        guard !sentences.isEmpty else { return nil }
        let adWords = Set(Self.words(plan.listing.title + " " + plan.listing.description))
        let ranked = sentences.enumerated().sorted { lhs, rhs in
            let left = Self.words(lhs.element).filter(adWords.contains).count
            let right = Self.words(rhs.element).filter(adWords.contains).count
            return left != right ? left > right : lhs.offset < rhs.offset
        }.prefix(2).sorted { $0.offset < $1.offset }.map(\.element)
        return "\(StylePhrases.personalLead(style)) \(ranked.joined(separator: " "))"
    }

    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?".contains(character) || character.isNewline {
                let sentence = current.trimmingWhitespace()
                if sentence.count > 3 { sentences.append(Self.finished(sentence)) }
                current = ""
            }
        }
        let rest = current.trimmingWhitespace()
        if rest.count > 3 { sentences.append(Self.finished(rest)) }
        return sentences
    }

    private static func finished(_ sentence: String) -> String {
        guard let last = sentence.last, !".!?".contains(last) else { return sentence }
        return sentence + "."
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0.count > 3 }.map(String.init)
    }

    private static func trimmedQuote(_ line: String) -> String {
        var quote = line
        while let last = quote.last, ".;:".contains(last) { quote.removeLast() }
        return quote.count > 120 ? String(quote.prefix(117)) + "..." : quote
    }

    private static func levelName(_ level: JobLevel) -> String {
        switch level {
        case .expert: return "senior"
        case .intermediate: return "intermediate"
        case .entry: return "junior"
        case .intern: return "internship"
        }
    }
}
