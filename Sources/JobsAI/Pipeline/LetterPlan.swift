import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Everything a writer may use for one letter: the person's profile (never their contact details),
/// the listing, and what the scorer found. Built by the pipeline, read by any `Writer`.
public struct LetterPlan: Sendable, Hashable, Codable {
    /// The job.
    public let listing: JobListing
    /// Its score.
    public let score: Int
    /// Skills the ad asks for that the person has, title skills first.
    public let matchedSkills: [SkillMatch]
    /// Skills the ad asks for that the person does not list.
    public let missingSkills: [String]
    /// A few lines of the ad that state requirements.
    public let requirements: [String]
    /// The level the ad is for, when it says.
    public let detectedLevel: JobLevel?
    /// One style, or two to mix.
    public let styles: [LetterStyle]
    /// The person, without "About you".
    public let profile: Profile
    /// The language to write in, resolved from the person's choice and the ad's own language.
    public let language: LetterLanguage
    /// Whether a name is signed under the letter; without one the letter ends without a sign-off line.
    public let signed: Bool

    public init(
        scored: ScoredListing, profile: Profile, styles: [LetterStyle], language: LetterLanguageChoice = .english,
        signed: Bool = true
    ) {
        listing = scored.listing
        score = scored.score
        matchedSkills = scored.breakdown.matched.enumerated().sorted { lhs, rhs in
            if lhs.element.inTitle != rhs.element.inTitle { return lhs.element.inTitle }
            if lhs.element.level != rhs.element.level { return lhs.element.level > rhs.element.level }
            return lhs.offset < rhs.offset
        }.map(\.element)
        missingSkills = scored.breakdown.missing
        requirements = RequirementLines.extract(
            from: scored.listing.description,
            mentioning: scored.breakdown.matched.map(\.name) + scored.breakdown.missing)
        detectedLevel = scored.breakdown.detectedLevel
        self.styles = styles.isEmpty ? [.professional] : Array(styles.prefix(2))
        self.profile = profile
        self.language = language.resolved(forAd: scored.listing.title + "\n" + scored.listing.description)
        self.signed = signed
    }

    private enum CodingKeys: String, CodingKey {
        case listing, score, matchedSkills, missingSkills, requirements, detectedLevel, styles, profile, language
        case signed
    }

    /// Reads a plan; one encoded before plans had a language and a signature is English and signed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        listing = try container.decode(JobListing.self, forKey: .listing)
        score = try container.decode(Int.self, forKey: .score)
        matchedSkills = try container.decode([SkillMatch].self, forKey: .matchedSkills)
        missingSkills = try container.decode([String].self, forKey: .missingSkills)
        requirements = try container.decode([String].self, forKey: .requirements)
        detectedLevel = try container.decodeIfPresent(JobLevel.self, forKey: .detectedLevel)
        styles = try container.decode([LetterStyle].self, forKey: .styles)
        profile = try container.decode(Profile.self, forKey: .profile)
        language = try container.decodeIfPresent(LetterLanguage.self, forKey: .language) ?? .english
        signed = try container.decodeIfPresent(Bool.self, forKey: .signed) ?? true
    }
}

/// Picks the lines of an ad that say what is required: lines under a requirements heading, or lines
/// that name a technology, short enough to quote.
enum RequirementLines {
    private static let headings = [
        "requirement", "qualification", "we expect", "you have", "what we look for", "odotamme", "vaatimuk",
        "edellytä", "toivomme", "sinulla on", "osaaminen",
    ]

    static func extract(from description: String, mentioning skills: [String], limit: Int = 4) -> [String] {
        let lines = description.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespacesAndNewlines() }
        let lowerSkills = skills.map { $0.lowercased() }
        var picked: [String] = []
        var underHeading = false
        for line in lines where !line.isEmpty {
            let lower = line.lowercased()
            if headings.contains(where: { lower.contains($0) }) && line.count < 60 {
                underHeading = true
                continue
            }
            let namesSkill = lowerSkills.contains { mentions(lower, $0) }
            if (underHeading || namesSkill) && (12...160).contains(line.count) { picked.append(line) }
            if picked.count == limit { break }
        }
        return picked
    }

    /// Whether a lower-cased line names a skill as a word: `c` must stand alone, `go` must not be `good`.
    static func mentions(_ line: String, _ skill: String) -> Bool {
        guard skill.count < 4 else { return line.contains(skill) }
        let words = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || "+#.".contains($0)) })
        return words.contains { $0 == skill || $0.trimmingScalars(where: { $0 == "." }) == skill }
    }
}
