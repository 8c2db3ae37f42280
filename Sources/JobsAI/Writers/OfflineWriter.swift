/// The default writer: deterministic, no network. It writes a letter specific to each job in the plan's
/// language: the role and where it is, the ad's main responsibility (quoted whole or paraphrased), the
/// candidate's strongest matches with the years their answers allow, their description restated as facts
/// (role, years, domains, what they value), at most one real gap, and a close in the chosen style or a mix
/// of two (the first sets the opening, the second the close).
public struct OfflineWriter: Writer {
    public init() {}

    public var name: String { "offline" }

    public func write(_ plan: LetterPlan) async throws -> Letter {
        let phrases: any LetterPhrases.Type = plan.language == .finnish ? StylePhrasesFinnish.self : StylePhrases.self
        let listing = plan.listing
        let candidate = CandidateSkills(profile: plan.profile)
        let title = listing.title.isEmpty ? (plan.language == .finnish ? "avoin" : "open") : listing.title
        let families = LetterRoleKind.of(title: listing.title, description: listing.description)
        let facts = LetterFacts(
            title: title, company: listing.company, ad: AdFacts(listing, company: listing.company),
            // Without a title only the first phrasings fit ("the open position"), so they are used.
            variant: listing.title.isEmpty
                ? 0
                : Int(
                    truncatingIfNeeded: TextTokenizer.hash(listing.company.lowercased() + "|" + title.lowercased()) >> 1
                ),
            restrained: !families.isDisjoint(with: candidate.facts.excludedFamilies))
        let first = plan.styles.first ?? .professional
        let second = plan.styles.count > 1 ? plan.styles[1] : first

        var paragraphs = [phrases.opening(first, facts)]
        if let role = rolePart(plan, phrases: phrases, facts: facts, candidate: candidate) { paragraphs.append(role) }
        paragraphs.append(skills(plan, style: second, phrases: phrases, candidate: candidate, facts: facts))
        if let motivation = motivation(plan, style: first, phrases: phrases, candidate: candidate, facts: facts) {
            paragraphs.append(motivation)
        }
        paragraphs.append(phrases.closing(second, facts))
        return Letter(
            company: listing.company, title: title, salutation: phrases.salutation(first, facts),
            paragraphs: paragraphs, closing: plan.signed ? phrases.signOff(second) : "", writer: name,
            language: plan.language)
    }

    /// The strongest matches, display names, in the plan's order (title skills first).
    private func strongest(_ plan: LetterPlan, limit: Int) -> [SkillLine] {
        var seen = Set<String>()
        return plan.matchedSkills.compactMap { match -> SkillLine? in
            let name = SkillNames.display(match.name)
            guard seen.insert(name.lowercased()).inserted else { return nil }
            return SkillLine(name: name, level: match.level)
        }.prefix(limit).map { $0 }
    }

    /// What the job is about: the ad's responsibility sentence when it can be quoted whole in the letter's
    /// language, else the role's focus in the letter's words; and a domain both share.
    private func rolePart(
        _ plan: LetterPlan, phrases: any LetterPhrases.Type, facts: LetterFacts, candidate: CandidateSkills
    ) -> String? {
        var sentences: [String] = []
        // What the company does, when the ad says it plainly and names nothing the candidate lacks.
        if let activity = facts.ad.activity, activity.language == plan.language,
            candidate.skills(in: activity.clause).allSatisfy(candidate.has)
        {
            sentences.append(phrases.activity(activity.clause, facts))
        }
        if let quote = facts.ad.responsibility, TextLanguage.detect(quote) == plan.language {
            sentences.append(phrases.responsibility(quote: quote, facts))
        } else {
            let focus = strongest(plan, limit: 3).map(\.name)
            if !focus.isEmpty { sentences.append(phrases.focus(on: focus)) }
        }
        if let shared = facts.ad.domains.first(where: candidate.facts.domains.contains) {
            sentences.append(phrases.sharedDomain(shared))
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    private func skills(
        _ plan: LetterPlan, style: LetterStyle, phrases: any LetterPhrases.Type, candidate: CandidateSkills,
        facts: LetterFacts
    ) -> String {
        // A role the candidate ruled out, or one none of their skills match, gets a plain lead-in.
        let plain = facts.restrained || plan.matchedSkills.isEmpty
        var sentences = [plain ? phrases.plainSkillsLead : phrases.skillsLead(style)]
        if let introduction = phrases.introduction(role: candidate.facts.role, years: candidate.facts.years) {
            sentences.append(introduction)
        }
        var lines = strongest(plan, limit: 3)
        if lines.isEmpty {
            lines = plan.profile.skills.prefix(3).map { SkillLine(name: SkillNames.display($0.name), level: $0.level) }
        }
        if !lines.isEmpty { sentences.append(phrases.experience(lines)) }
        // A gap only when the ad requires the skill and the candidate truly lacks it, once.
        if let missing = plan.requiredGaps.first { sentences.append(phrases.gap(style, missing: missing)) }
        return sentences.joined(separator: " ")
    }

    private func motivation(
        _ plan: LetterPlan, style: LetterStyle, phrases: any LetterPhrases.Type, candidate: CandidateSkills,
        facts: LetterFacts
    ) -> String? {
        var sentences: [String] = []
        // A value the ad and the candidate share is said once, as shared; the rest as the candidate's own.
        let shared = candidate.facts.interests.first { facts.ad.values.contains($0) }
        if let shared { sentences.append(phrases.sharedValue(shared, facts)) }
        let interests = Array(candidate.facts.interests.filter { $0 != shared }.prefix(2))
        if !interests.isEmpty {
            sentences.append(phrases.motivation(facts.restrained ? .professional : style, interests))
        }
        if !facts.restrained, let level = plan.detectedLevel, plan.profile.jobLevels.contains(level) {
            sentences.append(phrases.level(level))
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }
}
