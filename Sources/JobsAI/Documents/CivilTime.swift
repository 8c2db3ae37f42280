#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A date and time of day on the proleptic Gregorian calendar, computed with integer arithmetic.
///
/// The function packages run where there may be no time-zone database, no `/etc/localtime` and no locale
/// files (Lambda's `provided.al2023`), and Foundation's formatters and zone lookups need them. Letters print
/// Finnish dates, so Finland's one rule (EU summer time) is written here instead of read from the host.
public struct CivilTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Minutes east of UTC that this civil time is expressed in.
    public var offsetMinutes: Int

    /// The UTC civil time of an instant.
    public init(utc date: Date) { self.init(secondsSince1970: Self.wholeSeconds(date), offsetMinutes: 0) }

    /// Finnish time: EET (UTC+2), and EEST (UTC+3) from 01:00 UTC on the last Sunday of March to 01:00 UTC on
    /// the last Sunday of October (the EU rule Finland has followed since 1981).
    public static func helsinki(_ date: Date) -> CivilTime {
        let seconds = wholeSeconds(date)
        let year = CivilTime(secondsSince1970: seconds, offsetMinutes: 0).year
        let summerStart = lastSunday(year: year, month: 3) * 86_400 + 3_600
        let summerEnd = lastSunday(year: year, month: 10) * 86_400 + 3_600
        let offset = seconds >= summerStart && seconds < summerEnd ? 180 : 120
        return CivilTime(secondsSince1970: seconds + offset * 60, offsetMinutes: offset)
    }

    private init(secondsSince1970 local: Int, offsetMinutes: Int) {
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        (year, month, day) = CivilCalendar.date(fromDays: days)
        hour = secondOfDay / 3_600
        minute = secondOfDay % 3_600 / 60
        second = secondOfDay % 60
        self.offsetMinutes = offsetMinutes
    }

    /// `26 November 2026`.
    public var englishLong: String { "\(day) \(Self.englishMonths[month - 1]) \(year)" }

    /// `26.11.2026`, the date form Finnish letters head with.
    public var numeric: String { "\(day).\(month).\(year)" }

    /// `26. marraskuuta 2026` (the partitive month name, as Finnish letters write it).
    public var finnishLong: String { "\(day). \(Self.finnishMonths[month - 1]) \(year)" }

    /// `2026-11-26T15:00:00Z` for UTC, else with its offset (`+02:00`).
    public var w3c: String {
        let zone =
            offsetMinutes == 0
            ? "Z"
            : "\(offsetMinutes < 0 ? "-" : "+")\(Self.two(abs(offsetMinutes) / 60)):\(Self.two(abs(offsetMinutes) % 60))"
        return
            "\(year)-\(Self.two(month))-\(Self.two(day))T\(Self.two(hour)):\(Self.two(minute)):\(Self.two(second))\(zone)"
    }

    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let finnishMonths = [
        "tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
        "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta",
    ]

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func wholeSeconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }

    /// Days since 1970-01-01 of a civil date.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        CivilCalendar.days(year: year, month: month, day: day)
    }

    /// The day count of the month's last Sunday.
    private static func lastSunday(year: Int, month: Int) -> Int {
        let last = days(year: year, month: month, day: 31)
        let weekday = ((last + 4) % 7 + 7) % 7  // 0 = Sunday; 1970-01-01 was a Thursday
        return last - weekday
    }
}
