#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One part of a score, in points out of 100, and what it means in plain words.
public struct ScorePart: Sendable, Hashable, Codable {
    /// Which part of the score this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case skills, level, recency, role, location
        case excludedRole = "excluded_role"
        case relocation
    }

    public var kind: Kind
    /// Points this part gave; negative for a penalty.
    public var points: Int
    /// The most this part could give; 0 for a penalty.
    public var maxPoints: Int
    /// What the part means for this ad, in plain words.
    public var text: String

    public init(kind: Kind, points: Int, maxPoints: Int, text: String) {
        self.kind = kind
        self.points = points
        self.maxPoints = maxPoints
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case kind, points, text
        case maxPoints = "max_points"
    }
}

/// Why a chosen job has its score, for the results page: the parts in whole points that add up to the score
/// (penalties subtracted), and the skills behind the first part, required apart from nice to have.
public struct ScoreExplanation: Sendable, Hashable, Codable {
    /// Skills, level and recency, then role and location fit when the person stated such wishes, then penalties.
    public var parts: [ScorePart]
    public var matchedRequired: [String]
    public var matchedNiceToHave: [String]
    public var missingRequired: [String]
    public var missingNiceToHave: [String]

    enum CodingKeys: String, CodingKey {
        case parts
        case matchedRequired = "matched_required", matchedNiceToHave = "matched_nice_to_have"
        case missingRequired = "missing_required", missingNiceToHave = "missing_nice_to_have"
    }

    /// Explains `scored`; the positive parts add up to its score plus the penalties.
    public init(_ scored: ScoredListing) {
        let breakdown = scored.breakdown
        let weights = breakdown.weights
        let nice = Set(breakdown.niceToHave)
        let matched = breakdown.matched.map(\.name)
        matchedRequired = matched.filter { !nice.contains($0) }
        matchedNiceToHave = matched.filter { nice.contains($0) }
        missingRequired = breakdown.missing.filter { !nice.contains($0) }
        missingNiceToHave = breakdown.missing.filter { nice.contains($0) }

        var shares: [(kind: ScorePart.Kind, weight: Double, fit: Double, text: String)] = [
            (.skills, weights.skills, breakdown.skillFit, Self.skillsText(breakdown, required: matchedRequired.count)),
            (.level, weights.level, breakdown.levelFit, Self.levelText(breakdown)),
            (.recency, weights.recency, breakdown.recency, Self.recencyText(breakdown.ageDays)),
        ]
        if let roleFit = breakdown.roleFit {
            shares.append((.role, weights.role, roleFit, Self.roleText(breakdown, fit: roleFit)))
        }
        if let locationFit = breakdown.locationFit {
            shares.append((.location, weights.location, locationFit, Self.locationText(scored.listing, locationFit)))
        }
        let used = shares.reduce(0) { $0 + $1.weight }
        let penalties: [(ScorePart.Kind, Int, String)] = [
            (
                .excludedRole, Int((100 * breakdown.exclusionPenalty).rounded()),
                "The ad is for a kind of role you ruled out."
            ),
            (
                .relocation, Int((100 * breakdown.relocationPenalty).rounded()),
                "The job is on site in another city, and you do not want to move."
            ),
        ].filter { $0.1 > 0 }
        let maxima = Self.apportion(shares.map { 100 * $0.weight / used }, total: 100, caps: nil)
        let earned = shares.enumerated().map { Double(maxima[$0.offset]) * $0.element.fit }
        let penaltyPoints = penalties.reduce(0) { $0 + $1.1 }
        // The parts add up to the score itself; only a score held at 0 leaves its parts their own rounding.
        let target = scored.score > 0 ? scored.score + penaltyPoints : Int(earned.reduce(0, +).rounded())
        let points = Self.apportion(earned, total: target, caps: maxima)
        parts = shares.enumerated().map { index, share in
            ScorePart(kind: share.kind, points: points[index], maxPoints: maxima[index], text: share.text)
        }
        let floored = scored.score == 0 && target - penaltyPoints < 0
        for (index, penalty) in penalties.enumerated() {
            let note = floored && index == penalties.count - 1 ? " A score does not go below 0." : ""
            parts.append(ScorePart(kind: penalty.0, points: -penalty.1, maxPoints: 0, text: penalty.2 + note))
        }
    }

    /// Whole numbers near `values` that add up to `total`, each within 0...its cap: floors first, then a point
    /// at a time to the part furthest below its value (or from the part furthest above it).
    static func apportion(_ values: [Double], total: Int, caps: [Int]?) -> [Int] {
        var result = values.map { max(0, Int($0.rounded(.down))) }
        if let caps { result = zip(result, caps).map { min($0, $1) } }
        var sum = result.reduce(0, +)
        while sum != total {
            let indices = values.indices.filter { index in
                sum < total ? result[index] < (caps?[index] ?? Int.max) : result[index] > 0
            }
            let gap = { (index: Int) in values[index] - Double(result[index]) }
            guard
                let pick = sum < total ? indices.max(by: { gap($0) < gap($1) }) : indices.min(by: { gap($0) < gap($1) })
            else { break }
            result[pick] += sum < total ? 1 : -1
            sum += sum < total ? 1 : -1
        }
        return result
    }

    // MARK: Plain words

    private static func skillsText(_ breakdown: ScoreBreakdown, required matchedRequired: Int) -> String {
        guard breakdown.askedCount > 0 else { return "The ad names no technologies, so skills count as neutral." }
        let niceCount = breakdown.niceToHave.count
        var text = "You have " + share(matchedRequired, of: breakdown.askedCount - niceCount, "required skill")
        if niceCount > 0 {
            let matchedNice = breakdown.matched.count - matchedRequired
            text += " and " + share(matchedNice, of: niceCount, "nice-to-have") + " (they count half)"
        }
        text += "."
        let inTitle = breakdown.matched.filter(\.inTitle).map(\.name)
        if !inTitle.isEmpty { text += " The title asks for \(list(inTitle)), which counts double." }
        if !breakdown.matched.isEmpty { text += " More years with a skill count more." }
        return text
    }

    /// "2 of the 3 required skills", "all 3 required skills", "the one required skill", "none of the 2 ...".
    private static func share(_ count: Int, of total: Int, _ noun: String) -> String {
        let plural = total == 1 ? noun : noun + "s"
        if total == 0 { return "no \(noun)s to match" }
        if count == total { return total == 1 ? "the one \(noun)" : "all \(total) \(plural)" }
        if count == 0 { return total == 1 ? "not the one \(noun)" : "none of the \(total) \(plural)" }
        return "\(count) of the \(total) \(plural)"
    }

    private static func levelText(_ breakdown: ScoreBreakdown) -> String {
        let fact: String
        switch (breakdown.detectedLevel, breakdown.levelEvidence) {
        case (let level?, .title): fact = "The title marks it as \(levelWords(level))"
        case (let level?, .requiredYears(let years)):
            fact = "The ad asks for \(years) years of experience, which reads as \(levelWords(level))"
        case (let level?, _): fact = "The text suggests \(levelWords(level))"
        case (nil, _): return "The ad does not say which level it is for, so the level counts as a partial fit."
        }
        return "\(fact): \(fitWords(breakdown.levelFit)) for the levels you chose."
    }

    private static func levelWords(_ level: JobLevel) -> String {
        switch level {
        case .expert: return "a senior job"
        case .intermediate: return "a mid-level job"
        case .entry: return "a junior job"
        case .intern: return "an internship"
        }
    }

    private static func recencyText(_ ageDays: Int?) -> String {
        guard let ageDays else { return "The ad does not say when it was published." }
        let age = ageDays == 0 ? "today" : ageDays == 1 ? "yesterday" : "\(ageDays) days ago"
        return "Published \(age); newer ads score a little higher."
    }

    private static func roleText(_ breakdown: ScoreBreakdown, fit: Double) -> String {
        let title = breakdown.titleFamilies.map(\.displayName)
        let body = breakdown.bodyFamilies.map(\.displayName)
        var fact =
            title.isEmpty ? "The title names no kind of role" : "The title is for a \(list(title)) role"
        if title.isEmpty && !body.isEmpty { fact += " (the text mentions \(list(body)) work)" }
        return "\(fact): \(fitWords(fit)) for the roles you asked for."
    }

    private static func locationText(_ listing: JobListing, _ fit: Double) -> String {
        guard !listing.location.isEmpty else {
            return "The ad does not name a place: \(fitWords(fit)) for where you want to work."
        }
        // Quoted as the ad gives it: it may be a town, a region or a word such as "Etätyö" (remote work).
        return "The ad's location, “\(listing.location)”, is \(fitWords(fit)) for where you want to work."
    }

    private static func fitWords(_ fit: Double) -> String {
        switch fit {
        case 0.95...: return "a full fit"
        case 0.6..<0.95: return "a good fit"
        case 0.3..<0.6: return "a partial fit"
        default: return "a poor fit"
        }
    }

    private static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}
