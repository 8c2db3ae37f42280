import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The job levels a person can ask for, most senior first (the order adjacency is judged in).
public enum JobLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case expert = "Expert-level"
    case intermediate = "Intermediate"
    case entry = "Entry"
    case intern = "Intern"

    /// Reads a payload value; `Expert` is accepted as the original backend did.
    public init?(payloadValue: String) {
        if payloadValue == "Expert" {
            self = .expert
        } else {
            self.init(rawValue: payloadValue)
        }
    }

    /// Seniority rank: intern 0, entry 1, intermediate 2, expert 3.
    public var rank: Int {
        switch self {
        case .intern: return 0
        case .entry: return 1
        case .intermediate: return 2
        case .expert: return 3
        }
    }

    /// Whether two levels are neighbours on the scale (the only pairs a person may pick together).
    public func isAdjacent(to other: JobLevel) -> Bool { abs(rank - other.rank) == 1 }
}

/// The job boards the worker can search.
public enum JobBoardName: String, Sendable, Hashable, CaseIterable, Codable {
    case duunitori = "Duunitori"
    case jobly = "Jobly"

    /// Reads a payload value case-insensitively.
    public init?(payloadValue: String) {
        guard let match = JobBoardName.allCases.first(where: { $0.rawValue.lowercased() == payloadValue.lowercased() })
        else { return nil }
        self = match
    }
}

/// The tone of a cover letter.
public enum LetterStyle: String, Sendable, Hashable, CaseIterable, Codable {
    case professional = "Professional"
    case friendly = "Friendly"
    case confident = "Confident"
    case funny = "Funny"
}

/// The general questions' payload keys (set 1).
public enum GeneralQuestionKey: String, Sendable, Hashable, CaseIterable, Codable {
    case jobLevel = "job-level"
    case jobBoards = "job-boards"
    case deepMode = "deep-mode"
    case coverLetterNum = "cover-letter-num"
    case coverLetterStyle = "cover-letter-style"
    case letterLanguage = "letter-language"
}

/// The language a person wants the letters in: English, Finnish, or the language of each ad.
public enum LetterLanguageChoice: String, Sendable, Hashable, CaseIterable, Codable {
    case auto = "Auto"
    case english = "English"
    case finnish = "Finnish"

    /// Reads a payload value case-insensitively.
    public init?(payloadValue: String) {
        let lower = payloadValue.trimmingWhitespaces().lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lower }) else { return nil }
        self = match
    }

    /// The language of one letter: Finnish and English always, Auto the ad's own language.
    public func resolved(forAd text: String) -> LetterLanguage {
        switch self {
        case .english: return .english
        case .finnish: return .finnish
        case .auto: return TextLanguage.detect(text) ?? .english
        }
    }
}

/// The language one letter is written in.
public enum LetterLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    case english = "English"
    case finnish = "Finnish"
}
