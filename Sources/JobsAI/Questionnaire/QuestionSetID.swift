/// The name of a question set, as used for the keys of the API payload (kebab-case).
public enum QuestionSetID: String, Sendable, Hashable, CaseIterable, Codable {
    case general
    case languages
    case databases
    case cloudDevelopment = "cloud-development"
    case webFrameworks = "web-frameworks"
    case devIDEs = "dev-ides"
    case llms
    case docAndCollab = "doc-and-collab"
    case operatingSystems = "operating-systems"
    case additionalInfo = "additional-info"
    case aboutYou = "about-you"

    /// The eight sets made of technology sliders, in questionnaire order.
    public static let technologySets: [QuestionSetID] = [
        .languages, .databases, .cloudDevelopment, .webFrameworks, .devIDEs, .llms, .docAndCollab,
        .operatingSystems,
    ]

    /// A one- or two-word name for tabs and short lists ("Languages", "Cloud").
    public var shortTitle: String {
        switch self {
        case .general: return "General"
        case .languages: return "Languages"
        case .databases: return "Databases"
        case .cloudDevelopment: return "Cloud"
        case .webFrameworks: return "Web frameworks"
        case .devIDEs: return "IDEs"
        case .llms: return "LLMs"
        case .docAndCollab: return "Collaboration"
        case .operatingSystems: return "Operating systems"
        case .additionalInfo: return "Description"
        case .aboutYou: return "About you"
        }
    }

    /// The snake_case spelling the original API also accepted (`cloud_development`).
    public var snakeCaseAlias: String { rawValue.replacing("-", with: "_") }

    /// Finds a set by its kebab-case name or its snake_case alias.
    public init?(payloadKey: String) {
        if let exact = QuestionSetID(rawValue: payloadKey) {
            self = exact
        } else if let alias = QuestionSetID(rawValue: payloadKey.replacing("_", with: "-")) {
            self = alias
        } else {
            return nil
        }
    }
}
