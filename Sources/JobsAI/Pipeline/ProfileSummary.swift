/// What the worker understood from a person's answers, shown with the results ("We understood: backend
/// roles, Helsinki or remote, no sales"), with the queries it searched and why.
public struct ProfileSummary: Sendable, Hashable, Codable {
    /// Short phrases of what was understood.
    public var understood: [String]
    /// The preferences read from the description.
    public var preferences: CandidatePreferences
    /// The queries searched, each with its reason.
    public var queries: [SearchQuery]

    public init(profile: Profile, queries: [SearchQuery]) {
        understood = profile.preferences.summary
        preferences = profile.preferences
        self.queries = queries
    }

    /// Log metadata that says what was understood without any of the person's words or places.
    public var logMetadata: [String: String] {
        [
            "wanted_families": preferences.wantedFamilies.map(\.rawValue).joined(separator: ","),
            "excluded_families": preferences.excludedFamilies.map(\.rawValue).joined(separator: ","),
            "city_count": "\(preferences.cities.count)",
            "remote": preferences.remote.rawValue,
            "relocation": preferences.relocation.rawValue,
            "levels": preferences.levels.map(\.rawValue).joined(separator: ","),
            "prose_skill_count": "\(preferences.proseSkills.count)",
            "minor_skill_count": "\(preferences.proseSkills.filter(\.minor).count)",
            "queries": queries.map { "\($0.text) <- \($0.reason)" }.joined(separator: " | "),
        ]
    }
}
