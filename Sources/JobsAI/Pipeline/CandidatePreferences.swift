/// What a person says about remote work.
public enum RemoteWish: String, Sendable, Hashable, Codable {
    /// Nothing said.
    case unspecified
    /// Remote work wanted or accepted ("Helsinki or remote", "etätyö sopii").
    case wanted
    /// Hybrid work wanted, not fully remote.
    case hybrid
    /// Remote work refused ("no remote", "en halua etätöitä").
    case refused
}

/// What a person says about moving for a job.
public enum RelocationWish: String, Sendable, Hashable, Codable {
    case unspecified
    /// "open to relocation", "valmis muuttamaan".
    case willing
    /// "won't relocate", "en halua muuttaa".
    case refused
}

/// A technology a person names in their own words, with the weight read from how they say it.
public struct ProseSkill: Sendable, Hashable, Codable {
    /// The skill's catalog name (`Yocto`, `Kubernetes`).
    public let name: String
    /// The questionnaire key when it is a built-in technology.
    public let key: String?
    /// The slider value the words suggest (1...7): stressed skills high, minor ones 1.
    public let level: Int
    /// Whether the person calls it minor ("only for small test scripts").
    public let minor: Bool

    public init(name: String, key: String?, level: Int, minor: Bool) {
        self.name = name
        self.key = key
        self.level = level
        self.minor = minor
    }

    enum CodingKeys: String, CodingKey { case name, key, level, minor }
}

/// Preferences read from a person's description: role families, places, remote work, moving, level
/// words and the technologies they stress or play down. Empty when they say nothing of it.
public struct CandidatePreferences: Sendable, Hashable, Codable {
    /// Role families the person asks for, in the order they name them.
    public var wantedFamilies: [RoleFamily] = []
    /// Role families the person rules out.
    public var excludedFamilies: [RoleFamily] = []
    /// Cities the person wants to work in (canonical names, `Helsinki`).
    public var cities: [String] = []
    /// Cities the person rules out.
    public var excludedCities: [String] = []
    public var remote: RemoteWish = .unspecified
    public var relocation: RelocationWish = .unspecified
    /// Levels their words ask for (`senior`, `harjoittelija`).
    public var levels: [JobLevel] = []
    /// Technologies named in the text, with a weight from the wording.
    public var proseSkills: [ProseSkill] = []

    public init() {}

    /// Nothing was understood.
    public var isEmpty: Bool { self == CandidatePreferences() }

    /// What was understood, in short phrases for the results page ("backend roles", "Helsinki or remote").
    public var summary: [String] {
        var lines: [String] = []
        if !wantedFamilies.isEmpty {
            lines.append(wantedFamilies.map(\.displayName).joined(separator: ", ") + " roles")
        }
        var places = cities
        if remote == .wanted { places.append("remote") }
        if remote == .hybrid { places.append("hybrid") }
        if !places.isEmpty { lines.append(places.joined(separator: " or ")) }
        if relocation == .refused { lines.append("no relocation") }
        if relocation == .willing { lines.append("open to relocation") }
        if remote == .refused { lines.append("no remote work") }
        for family in excludedFamilies { lines.append("no \(family.displayName)") }
        for city in excludedCities { lines.append("not \(city)") }
        if !levels.isEmpty { lines.append(levels.map(Self.levelWord).joined(separator: " or ") + " level") }
        let stressed = proseSkills.filter { !$0.minor }.map(\.name)
        if !stressed.isEmpty { lines.append("skills you mention: " + stressed.joined(separator: ", ")) }
        let minor = proseSkills.filter(\.minor).map(\.name)
        if !minor.isEmpty { lines.append("minor for you: " + minor.joined(separator: ", ")) }
        return lines
    }

    private static func levelWord(_ level: JobLevel) -> String {
        switch level {
        case .expert: return "senior"
        case .intermediate: return "mid"
        case .entry: return "junior"
        case .intern: return "intern"
        }
    }

    enum CodingKeys: String, CodingKey {
        case wantedFamilies = "wanted_families", excludedFamilies = "excluded_families", cities
        case excludedCities = "excluded_cities", remote, relocation, levels, proseSkills = "prose_skills"
    }
}
