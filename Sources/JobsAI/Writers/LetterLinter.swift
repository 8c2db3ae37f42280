import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Checks a written letter against what the candidate gave and what the ad says, before it is stored:
/// truthfulness (skills, gaps, years), quoting, repetition, language and form. Pure and deterministic.
public struct LetterLinter: Sendable {
    let plan: LetterPlan
    let candidate: CandidateSkills

    public init(plan: LetterPlan) {
        self.plan = plan
        candidate = CandidateSkills(profile: plan.profile)
    }

    /// Every rule the letter breaks, in rule order.
    public func check(_ letter: Letter) -> [LetterViolation] {
        let text = LetterText(letter)
        var found: [LetterViolation] = []
        found += LetterRules.placeholders(text)
        found += truthfulness(text)
        found += LetterRules.quotes(text, language: plan.language)
        found += LetterRules.pasted(text, description: plan.profile.description, ad: plan.listing.description)
        found += LetterRules.company(text, company: plan.listing.company)
        found += LetterRules.labels(text)
        found += LetterRules.language(text, language: plan.language)
        if !plan.signed, let dangling = LetterRules.danglingSignOff(letter.closing) { found.append(dangling) }
        found += excludedEnthusiasm(text)
        var seen = Set<LetterViolation>()
        return found.filter { seen.insert($0).inserted }.sorted {
            LetterViolation.Rule.allCases.firstIndex(of: $0.rule)! < LetterViolation.Rule.allCases.firstIndex(
                of: $1.rule)!
        }
    }

    // MARK: Truthfulness

    static let gapPhrases = [
        "not yet worked", "have not worked", "haven't worked", "no experience with", "no experience in",
        "new to me", "not yet on my list", "not been formally introduced", "lack experience", "lack of experience",
        "have yet to", "not familiar with", "not used", "haven't used", "less experience", "gap in my",
        "en ole vielä", "ei ole vielä", "minulle uusi", "minulle uutta", "ei kokemusta", "minulla ei ole",
        "en ole työskennellyt", "en ole käyttänyt", "vähemmän kokemusta", "ei vielä ole", "emme ole vielä",
    ]
    static let firstPerson = [
        " i ", " i'm ", " i've ", " i'd ", " my ", " me ", " minulla ", " minulle ", " olen ", " osaan ",
        " minun ", " kokemukseni ", " taustani ", " osaamiseni ", " olin ", " tunnen ", " käytän ", " käyttänyt ",
    ]

    static let claimWords = [
        " have ", " i've ", " had ", "experience", " years", " year ", "skilled", "proficient", "expert", " worked",
        " built ", " used ", " use ", " know ", "familiar", "background", " bring ", " my ", " osaan ", " hallitsen ",
        "kokemus", "olen työskennellyt", "olen käyttänyt", "osaamis", "taustani", "minulla on ", " vuoden ", " vuotta ",
    ]
    static let learning = [
        "learn", "keen to", "eager to", "would like to work with", "look forward to", "looking forward",
        "oppia", "opetella", "perehty",
    ]

    private func truthfulness(_ text: LetterText) -> [LetterViolation] {
        var found: [LetterViolation] = []
        var gaps: [String] = []
        let asked = Set(candidate.skills(in: plan.listing.title + "\n" + plan.listing.description))
        for original in text.sentences {
            let sentence = masked(original)
            let lower =
                " "
                + sentence.lowercased().map { $0.isLetter || $0 == "'" ? $0 : " " }.map(String.init)
                .joined() + " "
            let skills = candidate.skills(in: sentence)
            if Self.gapPhrases.contains(where: lower.contains) {
                gaps.append(sentence)
                for index in skills where candidate.has(index) {
                    found.append(
                        .init(
                            .inventedGap,
                            "claims to lack \(candidate.name(index)), which the candidate has: \"\(sentence)\""))
                }
                for index in skills where !candidate.has(index) && !asked.contains(index) {
                    found.append(
                        .init(.inventedGap, "names a gap in \(candidate.name(index)), which the ad does not ask for"))
                }
                continue
            }
            // A claim is a first-person sentence about having or using something; wanting to learn is none.
            guard Self.firstPerson.contains(where: lower.contains), Self.claimWords.contains(where: lower.contains),
                !Self.learning.contains(where: lower.contains)
            else { continue }
            for index in skills where !candidate.has(index) {
                found.append(
                    .init(
                        .claimedSkill,
                        "claims \(candidate.name(index)), which the candidate never gave: \"\(sentence)\""))
            }
            found += years(in: sentence)
        }
        if gaps.count > 1 {
            found.append(.init(.repeatedGap, "names a gap \(gaps.count) times; at most once per letter"))
        }
        return found
    }

    /// The sentence with the job title, the company and questionnaire labels taken out: naming them claims nothing.
    private func masked(_ sentence: String) -> String {
        var text = sentence
        for name in [plan.listing.title, plan.listing.company] + LetterRules.labels where name.count > 1 {
            text = text.replacingCaseInsensitive(name, with: "…")
        }
        return text
    }

    /// Years stated per skill ("more than three years of Python and SQL, two years of Go") against the sliders.
    private func years(in sentence: String) -> [LetterViolation] {
        let words = TextWord.split(sentence)
        let claims = YearsClaim.find(in: words)
        var found: [LetterViolation] = []
        for (position, claim) in claims.enumerated() {
            let end =
                position + 1 < claims.count ? words[claims[position + 1].firstWord].range.lowerBound : sentence.endIndex
            var skills = candidate.skills(in: String(sentence[words[claim.firstWord].range.lowerBound..<end]))
            if skills.isEmpty && position == 0 {
                skills = candidate.skills(in: String(sentence[..<words[claim.firstWord].range.lowerBound]))
            }
            if skills.isEmpty {
                if claim.years > candidate.allowedYearsOverall {
                    found.append(
                        .init(
                            .yearsBeyond,
                            "states \(Self.number(claim.years)) years, more than the candidate's answers allow: \"\(sentence)\""
                        ))
                }
                continue
            }
            for index in skills where candidate.has(index) && claim.years > candidate.allowedYears(index) {
                found.append(
                    .init(
                        .yearsBeyond,
                        "states \(Self.number(claim.years)) years of \(candidate.name(index)), beyond the candidate's \(Self.number(candidate.allowedYears(index)))"
                    ))
            }
        }
        return found
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    // MARK: Preferences

    static let enthusiasm = [
        "exactly the kind of work", "exactly the step", "excited", "love to", "would love", "passion", "dream",
        "thrilled", "eager", "really glad", "knew i wanted", "close to my heart", "can't wait", "perfect fit",
        "exactly what i", "enthusias", "innoissani", "innostun", "intohimo", "unelma", "juuri sellaista", "juuri sitä",
        "odotan innolla", "sydäntäni lähellä",
    ]

    private func excludedEnthusiasm(_ text: LetterText) -> [LetterViolation] {
        let families = LetterRoleKind.of(title: plan.listing.title, description: plan.listing.description)
            .intersection(candidate.facts.excludedFamilies)
        guard let family = families.sorted(by: { $0.rawValue < $1.rawValue }).first else { return [] }
        let lower = text.full.lowercased()
        guard let phrase = Self.enthusiasm.first(where: lower.contains) else { return [] }
        return [
            .init(
                .excludedEnthusiasm,
                "shows enthusiasm (\"\(phrase)\") for a \(family.rawValue) role the candidate ruled out")
        ]
    }
}
