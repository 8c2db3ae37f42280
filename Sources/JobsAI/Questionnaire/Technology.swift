/// One technology slider: its payload key, the label shown to the person, and its default position.
public struct Technology: Sendable, Hashable, Codable {
    /// The payload key, e.g. `cplusplus`.
    public let key: String
    /// The display label, e.g. `C++`.
    public let label: String
    /// The slider's starting position on the 0...7 experience scale.
    public let defaultYears: Int

    public init(key: String, label: String, defaultYears: Int = 0) {
        self.key = key
        self.label = label
        self.defaultYears = defaultYears
    }
}

/// A question set of technology sliders (sets 2 to 9), with its "Add more" slot for custom entries.
public struct TechnologySet: Sendable, Hashable {
    /// The set's payload key.
    public let id: QuestionSetID
    /// The `i` in the custom entries' keys `text-field{i}`, `text-field{i}-slider`, `text-field{i}-2`...
    public let customSlot: Int
    /// The heading shown above the sliders.
    public let title: String
    /// The built-in sliders, in display order.
    public let technologies: [Technology]

    /// The most "Add more" entries a set accepts (`text-field{i}` ... `text-field{i}-10`).
    public static let maxCustomEntries = 10

    /// The most items the original API accepted in this set's array.
    public var maxItems: Int { technologies.count }

    /// The key of the n-th custom entry's text (n starts at 1): `text-field3`, `text-field3-2`, ...
    public func customTextKey(entry: Int) -> String {
        entry <= 1 ? "text-field\(customSlot)" : "text-field\(customSlot)-\(entry)"
    }

    /// The key of the n-th custom entry's slider: `text-field3-slider`, `text-field3-2-slider`, ...
    public func customSliderKey(entry: Int) -> String { customTextKey(entry: entry) + "-slider" }

    /// The built-in technology with this key, if any.
    public func technology(forKey key: String) -> Technology? { technologies.first { $0.key == key } }
}
