import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The instants of a job item: ISO-8601 UTC with milliseconds and `Z` (they sort as text).
public enum JobTimestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// `2026-01-31T12:00:00.000Z`.
    public static func format(_ date: Date) -> String { style.format(date) }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ`, with or without a fraction of a second before the `Z`; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        guard separators.allSatisfy({ bytes[$0.0] == $0.1.asciiValue }),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var fraction = 0.0
        if bytes.count > 20 {
            // `.` and at least one digit between the seconds and the `Z`.
            let digits = bytes.count - 21
            guard bytes[19] == UInt8(ascii: "."), digits >= 1, digits <= 9, let value = number(20, digits) else {
                return nil
            }
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            fraction = Double(value) / scale
        }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = Double(((days * 24 + hour) * 60 + minute) * 60 + second)
        return Date(timeIntervalSince1970: seconds + fraction)
    }
}
