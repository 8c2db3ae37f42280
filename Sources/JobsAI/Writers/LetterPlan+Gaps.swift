extension LetterPlan {
    /// The skills a letter may name as a gap: required by the ad and truly lacking (not held through a
    /// synonym, an umbrella term, a typed-in entry or the description), by display name, best first.
    public var requiredGaps: [String] {
        let candidate = CandidateSkills(profile: profile)
        let ad = AdFacts(listing, company: listing.company)
        return missingSkills.filter { !candidate.has(named: $0) && ad.requires($0) }.map(SkillNames.display)
    }
}
