#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The weights of a score's parts. Skills, level and recency add up to 1; role and location fit are
/// added only when the person stated such preferences, and the sum is divided by the weights used.
/// The penalties are subtracted after that.
public struct ScoringWeights: Sendable, Hashable, Codable {
    /// Weight of skill fit.
    public var skills: Double
    /// Weight of job-level fit.
    public var level: Double
    /// Weight of recency.
    public var recency: Double
    /// Weight of role-family fit.
    public var role: Double
    /// Weight of location fit.
    public var location: Double
    /// Subtracted for a role family the person ruled out, named in the title.
    public var excludedFamily: Double
    /// Subtracted for an on-site job in another city when the person refuses to move.
    public var refusedMove: Double
    /// How much a skill the ad calls nice to have weighs against a required one.
    public var niceToHave: Double

    public init(
        skills: Double = 0.7, level: Double = 0.2, recency: Double = 0.1, role: Double = 0.35, location: Double = 0.3,
        excludedFamily: Double = 0.5, refusedMove: Double = 0.35, niceToHave: Double = 0.5
    ) {
        self.skills = skills
        self.level = level
        self.recency = recency
        self.role = role
        self.location = location
        self.excludedFamily = excludedFamily
        self.refusedMove = refusedMove
        self.niceToHave = niceToHave
    }
}

/// Scores listings against one profile. Everything that depends only on the profile (the skill table,
/// the person's weight per skill) is computed once here, so each listing costs one pass over its text.
public struct ListingScorer: Sendable {
    private let matcher: ListingMatcher
    /// The person's slider value per catalog skill (0 = not theirs).
    private let personLevels: [Int8]
    private let wantedLevels: [JobLevel]
    /// Levels the person's own words ask for ("I'm a senior developer"); empty when they name none.
    private let describedLevels: [JobLevel]
    private let now: Date
    private let weights: ScoringWeights
    private let preferences: PreferenceFit

    /// How much of a skill a slider value brings: some credit for months, full credit past three years.
    static let levelWeight: [Double] = [0, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
    /// Skill fit given to ads that name no technology at all: below any real match, above a clear miss.
    static let neutralSkillFit = 0.2
    /// Level fit of a level the person picked but their description does not name.
    static let undescribedLevelFit = 0.8

    public init(profile: Profile, now: Date, weights: ScoringWeights = ScoringWeights()) {
        var skills = ProfileSkillLevels(profile: profile)
        // Technologies named only in the description, with the weight their wording gives.
        for prose in profile.preferences.proseSkills { skills.credit(named: prose.name, prose.level) }
        var personLevels = [Int8](repeating: 0, count: skills.catalog.count)
        for (index, level) in skills.levels { personLevels[index] = Int8(clamping: level) }
        self.matcher = ListingMatcher(catalog: skills.catalog)
        self.personLevels = personLevels
        self.wantedLevels = profile.jobLevels
        self.describedLevels = profile.preferences.levels
        self.now = now
        self.weights = weights
        self.preferences = PreferenceFit(profile.preferences)
    }

    /// Scores every listing and returns them best first; equal scores keep their input order.
    public func rank(_ listings: [JobListing]) -> [ScoredListing] {
        listings.enumerated().map { (offset: $0.offset, scored: score($0.element)) }
            .sorted { $0.scored.score != $1.scored.score ? $0.scored.score > $1.scored.score : $0.offset < $1.offset }
            .map(\.scored)
    }

    /// Scores one listing.
    public func score(_ listing: JobListing) -> ScoredListing {
        // One skill list for title and text: the title's skills come first and are not repeated.
        var facts = TextFacts()
        facts.skills.reserveCapacity(16)
        matcher.scan(listing.title, isTitle: true, into: &facts)
        let titleSkillCount = facts.skills.count
        let titleLevels = facts.levels
        let titleFamilies = facts.families
        var places = facts.places
        var remote = facts.remote
        facts.levels = 0
        facts.requiredYears = nil
        facts.families = 0
        matcher.scan(listing.description, into: &facts)
        let bodyFamilies = facts.families
        remote |= facts.remote & RemoteSignal.fully
        if !listing.location.isEmpty {
            var location = TextFacts()
            matcher.scan(listing.location, isTitle: true, into: &location)
            places |= location.places
            remote |= location.remote
        }

        let skills = facts.skills
        var matchedCount = 0
        for skill in skills where personLevels[Int(skill)] > 0 { matchedCount += 1 }
        var matched: [SkillMatch] = []
        var missing: [String] = []
        if matchedCount > 0 { matched.reserveCapacity(matchedCount) }
        if matchedCount < skills.count { missing.reserveCapacity(skills.count - matchedCount) }
        var asked = 0.0
        var covered = 0.0
        var niceNames: [String] = []
        for (position, skill) in skills.enumerated() {
            let inTitle = position < titleSkillCount
            let isNice = !inTitle && position < 64 && facts.niceToHave & (1 << UInt64(position)) != 0
            let demand = inTitle ? 2.0 : isNice ? weights.niceToHave : 1.0
            asked += demand
            let level = Int(personLevels[Int(skill)])
            let name = matcher.catalog.names[Int(skill)]
            if isNice { niceNames.append(name) }
            if level > 0 {
                let weight = Self.levelWeight[min(level, 7)]
                covered += demand * weight
                matched.append(SkillMatch(name: name, level: level, inTitle: inTitle, weight: weight))
            } else {
                missing.append(name)
            }
        }
        let skillFit = skills.isEmpty ? Self.neutralSkillFit : covered / max(asked, 2)

        let (level, evidence) = Self.detectLevel(titleLevels: titleLevels, text: facts)
        let levelFit = fit(of: level, evidence: evidence)
        let ageDays = listing.published.map { max(0, Int(now.timeIntervalSince($0) / 86_400)) }
        let recency = Self.recency(ageDays: ageDays)

        var sum = weights.skills * skillFit + weights.level * levelFit + weights.recency * recency
        var used = weights.skills + weights.level + weights.recency
        let roleFit = preferences.roleFit(title: titleFamilies, body: bodyFamilies)
        if let roleFit {
            sum += weights.role * roleFit
            used += weights.role
        }
        let (locationFit, needsRefusedMove) = preferences.locationFit(places: places, remoteSignal: remote)
        if let locationFit {
            sum += weights.location * locationFit
            used += weights.location
        }
        let exclusion = weights.excludedFamily * preferences.exclusionShare(title: titleFamilies, body: bodyFamilies)
        let relocation = needsRefusedMove ? weights.refusedMove : 0
        let total = max(0, sum / used - exclusion - relocation)

        var breakdown = ScoreBreakdown(
            matched: matched, missing: missing, askedCount: skills.count, skillFit: skillFit,
            detectedLevel: level, levelEvidence: evidence, levelFit: levelFit, ageDays: ageDays, recency: recency)
        breakdown.niceToHaveCount = niceNames.count
        breakdown.niceToHave = niceNames
        breakdown.roleFit = roleFit
        breakdown.titleFamilyBits = titleFamilies
        breakdown.bodyFamilyBits = bodyFamilies
        breakdown.locationFit = locationFit
        breakdown.exclusionPenalty = exclusion
        breakdown.relocationPenalty = relocation
        breakdown.weights = weights
        return ScoredListing(listing: listing, score: Int((total * 100).rounded()), breakdown: breakdown)
    }

    /// The title decides when it says; else a years requirement in the text; else level words in the text.
    static func detectLevel(titleLevels: UInt8, text: TextFacts) -> (JobLevel?, LevelEvidence) {
        if let level = level(fromBits: titleLevels) { return (level, .title) }
        if let years = text.requiredYears {
            return (LevelSignals.level(forRequiredYears: years), .requiredYears(years))
        }
        if let level = level(fromBits: text.levels) { return (level, .text) }
        return (nil, .none)
    }

    private static let levelPriority: [JobLevel] = [.intern, .entry, .expert, .intermediate]

    /// Intern and junior words outrank senior ones ("Senior Developer trainee" is still a trainee post).
    private static func level(fromBits bits: UInt8) -> JobLevel? {
        for level in levelPriority where bits & (1 << UInt8(level.rank)) != 0 {
            return level
        }
        return nil
    }

    private func fit(of level: JobLevel?, evidence: LevelEvidence) -> Double {
        guard let level else { return 0.6 }
        var distance = wantedLevels.isEmpty ? 0 : Int.max
        for wanted in wantedLevels { distance = min(distance, abs(wanted.rank - level.rank)) }
        var fit: Double = distance == 0 ? 1 : distance == 1 ? 0.5 : 0.1
        // A level picked in the questionnaire but not the one the description names fits a little less.
        if distance == 0 && !describedLevels.isEmpty && !describedLevels.contains(level) {
            fit = Self.undescribedLevelFit
        }
        // Words in the body are weaker evidence than the title or an explicit years requirement.
        return evidence == .text ? 0.3 + 0.7 * fit : fit
    }

    static func recency(ageDays: Int?) -> Double {
        guard let age = ageDays else { return 0.6 }
        switch age {
        case ...3: return 1
        case ...30: return 1 - 0.5 * Double(age - 3) / 27
        case ...60: return 0.5 - 0.2 * Double(age - 30) / 30
        default: return 0.3
        }
    }
}
