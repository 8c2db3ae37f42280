import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The two date shapes S3 uses: IMF-fixdate in headers, ISO 8601 with milliseconds in XML.
public enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func parts(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return parts
    }

    private static func pad(_ value: Int32, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `Thu, 26 Nov 2026 13:55:39 GMT`.
    public static func imf(_ date: Date) -> String {
        let p = parts(date)
        return "\(days[Int(p.tm_wday)]), \(pad(p.tm_mday)) \(months[Int(p.tm_mon)]) \(p.tm_year + 1900) "
            + "\(pad(p.tm_hour)):\(pad(p.tm_min)):\(pad(p.tm_sec)) GMT"
    }

    /// `2026-11-26T13:55:39.000Z`.
    public static func iso8601(_ date: Date) -> String {
        let p = parts(date)
        let millis = Int32((date.timeIntervalSince1970 * 1000).rounded(.down).truncatingRemainder(dividingBy: 1000))
        return "\(p.tm_year + 1900)-\(pad(p.tm_mon + 1))-\(pad(p.tm_mday))T\(pad(p.tm_hour)):\(pad(p.tm_min)):"
            + "\(pad(p.tm_sec)).\(pad(max(0, millis), 3))Z"
    }

    /// Parses IMF-fixdate (`Thu, 26 Nov 2026 13:55:39 GMT`) and RFC 850 (`Thursday, 26-Nov-26 ...`);
    /// nil when unreadable.
    public static func parse(_ text: String) -> Date? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" || $0 == "," })
        guard tokens.count == 8, tokens[7] == "GMT", let day = Int32(tokens[1]),
            let month = months.firstIndex(of: String(tokens[2])), var year = Int32(tokens[3]),
            let hour = Int32(tokens[4]), let minute = Int32(tokens[5]), let second = Int32(tokens[6])
        else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = Int32(month)
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
