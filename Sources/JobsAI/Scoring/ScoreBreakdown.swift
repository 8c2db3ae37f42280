#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A skill an ad asks for that the person has.
public struct SkillMatch: Sendable, Hashable, Codable {
    /// The skill's name.
    public let name: String
    /// The person's slider value for it (1...7).
    public let level: Int
    /// Whether the ad's title names it (it then counts double).
    public let inTitle: Bool
    /// How much of the skill the person brings, 0...1, from their years.
    public let weight: Double
}

/// Where a listing's job level was read from.
public enum LevelEvidence: Sendable, Hashable, Codable {
    /// A level word in the title (`Senior`, `harjoittelija`).
    case title
    /// A years requirement in the text (`5+ years`, `3 vuotta`).
    case requiredYears(Int)
    /// A level word in the text.
    case text
    /// Nothing said.
    case none
}

/// Why a listing got its score: every part of the computation and its weight, so a person (or a test) can
/// check it.
public struct ScoreBreakdown: Sendable, Hashable, Codable {
    /// Skills the ad asks for that the person has.
    public var matched: [SkillMatch]
    /// Skills the ad asks for that the person does not list.
    public var missing: [String]
    /// How many skills the ad asks for.
    public var askedCount: Int
    /// 0...1: the share of what the ad asks for that the person covers, weighted by years.
    public var skillFit: Double
    /// The level the ad is for, when it says.
    public var detectedLevel: JobLevel?
    /// Where `detectedLevel` came from.
    public var levelEvidence: LevelEvidence
    /// 0...1: how well that level suits the levels the person wants.
    public var levelFit: Double
    /// Days since publication, when known.
    public var ageDays: Int?
    /// 0...1: newer ads score higher.
    public var recency: Double
    /// How many of the asked skills the ad calls nice to have (they count half).
    public var niceToHaveCount = 0
    /// The asked skills the ad calls nice to have, matched or not.
    public var niceToHave: [String] = []
    /// 0...1: how well the ad's role family (title first, then body) fits the wanted ones; nil when the
    /// person named none.
    public var roleFit: Double?
    /// Role families the title names, as bits of `RoleFamily`.
    var titleFamilyBits: UInt32 = 0
    /// Role families only the body names, as bits of `RoleFamily`.
    var bodyFamilyBits: UInt32 = 0
    /// 0...1: the ad's city and remote work against the person's; nil when they said nothing of it.
    public var locationFit: Double?
    /// Subtracted for a family the person ruled out (title: whole weight, body only: a fifth).
    public var exclusionPenalty = 0.0
    /// Subtracted for an on-site job in another city when the person refuses to move.
    public var relocationPenalty = 0.0
    /// The weights the parts were combined with.
    public var weights = ScoringWeights()

    /// Role families the title names.
    public var titleFamilies: [RoleFamily] { RoleFamily.families(in: titleFamilyBits) }
    /// Role families only the body names.
    public var bodyFamilies: [RoleFamily] { RoleFamily.families(in: bodyFamilyBits & ~titleFamilyBits) }

    public init(
        matched: [SkillMatch], missing: [String], askedCount: Int, skillFit: Double, detectedLevel: JobLevel?,
        levelEvidence: LevelEvidence, levelFit: Double, ageDays: Int?, recency: Double
    ) {
        self.matched = matched
        self.missing = missing
        self.askedCount = askedCount
        self.skillFit = skillFit
        self.detectedLevel = detectedLevel
        self.levelEvidence = levelEvidence
        self.levelFit = levelFit
        self.ageDays = ageDays
        self.recency = recency
    }

    /// The breakdown in plain words, one line per part.
    public var explanation: [String] {
        var lines: [String] = []
        if askedCount == 0 {
            lines.append("The ad names no technologies; skill fit is neutral (\(Self.percent(skillFit))).")
        } else {
            let names = matched.map {
                "\($0.name) (\(ExperienceScale.caption($0.level)) yrs\($0.inTitle ? ", in title" : ""))"
            }
            lines.append(
                "Skills: \(matched.count) of \(askedCount) asked for"
                    + (names.isEmpty ? "" : ": " + names.joined(separator: ", ")) + "; fit \(Self.percent(skillFit)).")
            if !missing.isEmpty { lines.append("Not in your answers: \(missing.joined(separator: ", ")).") }
        }
        switch (detectedLevel, levelEvidence) {
        case (let level?, .title):
            lines.append("Level \(level.rawValue) from the title; fit \(Self.percent(levelFit)).")
        case (let level?, .requiredYears(let years)):
            lines.append("Level \(level.rawValue) from \(years) years required; fit \(Self.percent(levelFit)).")
        case (let level?, _): lines.append("Level \(level.rawValue) from the text; fit \(Self.percent(levelFit)).")
        case (nil, _): lines.append("Level not stated; fit \(Self.percent(levelFit)).")
        }
        if let ageDays {
            lines.append("Published \(ageDays) days ago; recency \(Self.percent(recency)).")
        } else {
            lines.append("Publication date unknown; recency \(Self.percent(recency)).")
        }
        if niceToHaveCount > 0 { lines.append("\(niceToHaveCount) of the skills are nice to have; they count half.") }
        if let roleFit {
            let named = titleFamilies.isEmpty ? "names no role family" : "is " + Self.names(titleFamilies)
            lines.append("Role: the title \(named); role fit \(Self.percent(roleFit)) (weight \(weights.role)).")
        }
        if let locationFit { lines.append("Location fit \(Self.percent(locationFit)) (weight \(weights.location)).") }
        if exclusionPenalty > 0 {
            lines.append("A role family you ruled out; minus \(Self.percent(exclusionPenalty)).")
        }
        if relocationPenalty > 0 {
            lines.append(
                "On site in another city, and you do not want to move; minus \(Self.percent(relocationPenalty)).")
        }
        return lines
    }

    private static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    private static func names(_ families: [RoleFamily]) -> String {
        families.map(\.displayName).joined(separator: ", ")
    }
}
