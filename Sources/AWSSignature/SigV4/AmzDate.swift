import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A SigV4 timestamp, whole seconds in UTC, written `yyyyMMdd'T'HHmmss'Z'` (the `X-Amz-Date` form).
public struct AmzDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Int64

    /// The timestamp of a Unix time in whole seconds.
    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The timestamp of `date`, with fractional seconds dropped (clamped to ±10^15 s, so any `Date` converts).
    public init(_ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let limit = 1e15
        self.secondsSince1970 = seconds.isNaN ? 0 : Int64(min(max(seconds, -limit), limit))
    }

    /// Parses `20130524T000000Z`; nil unless it is exactly that shape and a real calendar time.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        self.secondsSince1970 = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The same instant as a Foundation `Date`.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    /// `20130524T000000Z`.
    public var timestamp: String {
        let (year, month, day, seconds) = components
        return pad(year, 4) + pad(month, 2) + pad(day, 2) + "T" + pad(seconds / 3600, 2)
            + pad(seconds % 3600 / 60, 2) + pad(seconds % 60, 2) + "Z"
    }

    /// `20130524`: the date part, as the credential scope carries it.
    public var dateStamp: String {
        let (year, month, day, _) = components
        return pad(year, 4) + pad(month, 2) + pad(day, 2)
    }

    /// The same as `timestamp`.
    public var description: String { timestamp }

    /// This timestamp moved by `seconds`.
    public func adding(seconds: Int64) -> AmzDate {
        AmzDate(secondsSince1970: secondsSince1970 + seconds)
    }

    public static func < (lhs: AmzDate, rhs: AmzDate) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    /// (year, month, day, seconds into the day), from the proleptic Gregorian calendar.
    private var components: (Int, Int, Int, Int) {
        let days = Int(secondsSince1970.floorDivided(by: 86_400))
        let seconds = Int(secondsSince1970 - Int64(days) * 86_400)
        let (year, month, day) = CivilCalendar.date(fromDays: days)
        return (year, month, day, seconds)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func isLeap(_ year: Int) -> Bool {
        year.isMultiple(of: 4) && (!year.isMultiple(of: 100) || year.isMultiple(of: 400))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
