/// The optional "About you" set: contact details used only in the letters' header, never sent to a writer.
public struct AboutYou: Sendable, Hashable, Codable {
    /// Full name, signed under the letter.
    public var name: String?
    /// Email address.
    public var email: String?
    /// Phone number.
    public var phone: String?
    /// Web links (portfolio, LinkedIn, GitHub), in the order given.
    public var links: [String]
    /// Home city.
    public var city: String?

    public init(
        name: String? = nil, email: String? = nil, phone: String? = nil, links: [String] = [], city: String? = nil
    ) {
        self.name = name
        self.email = email
        self.phone = phone
        self.links = links
        self.city = city
    }

    /// Whether nothing was given.
    public var isEmpty: Bool { name == nil && email == nil && phone == nil && links.isEmpty && city == nil }
}

/// The fields of the "About you" set with their payload keys, labels and limits.
public enum AboutYouField: String, Sendable, Hashable, CaseIterable, Codable {
    case name
    case email
    case phone
    case links
    case city

    /// The set's heading.
    public static let title = "About You (optional)"
    /// Why the set exists and where its answers go.
    public static let help =
        "Only used for the header and signature of your letters. None of it is sent to a writing service."
    /// The most links accepted.
    public static let maxLinks = 3

    /// The label shown beside the field.
    public var label: String {
        switch self {
        case .name: return "Full name"
        case .email: return "Email"
        case .phone: return "Phone"
        case .links: return "Links (portfolio, LinkedIn, GitHub)"
        case .city: return "City"
        }
    }

    /// The longest accepted text (per link for `links`).
    public var maxLength: Int {
        switch self {
        case .name: return 100
        case .email: return 254
        case .phone: return 40
        case .links: return 200
        case .city: return 80
        }
    }
}
