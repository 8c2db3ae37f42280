/// The 0...7 slider scale used for every technology: captions and the years each step stands for.
public enum ExperienceScale {
    /// The lowest slider value (no experience).
    public static let minimum = 0
    /// The highest slider value (more than three years).
    public static let maximum = 7
    /// The notch captions under each slider, index = value.
    public static let captions = ["0 yrs", "< 0.5", "< 1.0", "< 1.5", "< 2.0", "< 2.5", "< 3.0", "> 3.0"]
    /// The caption of a value, clamped to the scale.
    public static func caption(_ value: Int) -> String { captions[min(max(value, minimum), maximum)] }
    /// What each value means in words, index = value.
    public static let meanings = [
        "no experience", "less than half a year", "less than a year", "less than one and a half years",
        "less than two years", "less than two and a half years", "less than three years", "over three years",
    ]
    /// The typical number of years a value stands for (the middle of its band; 4 for "over three").
    public static func approximateYears(_ value: Int) -> Double {
        switch value {
        case ...0: return 0
        case 1: return 0.25
        case 2: return 0.75
        case 3: return 1.25
        case 4: return 1.75
        case 5: return 2.25
        case 6: return 2.75
        default: return 4
        }
    }
    /// Maximum length of a custom technology's text ("Add more").
    public static let customTextMaxLength = 50
}
