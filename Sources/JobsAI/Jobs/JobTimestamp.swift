#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The instants of a job item: ISO-8601 UTC with milliseconds and `Z` (they sort as text).
public enum JobTimestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let plain = Date.ISO8601FormatStyle()

    /// `2026-01-31T12:00:00.000Z`.
    public static func format(_ date: Date) -> String { style.format(date) }

    /// Reads a timestamp with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        // Two accepted forms: a failure of one only means the text has the other form (or neither: nil).
        (try? style.parse(text)) ?? (try? plain.parse(text))
    }
}
