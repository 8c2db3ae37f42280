import BuildingBlocks
import Foundation

/// Escapes text for HTML element content and attribute values.
enum HTMLText {
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// Paragraphs as HTML: `- ` lines become a list, short lines ending in `:` a heading.
    static func body(_ paragraphs: [String]) -> String {
        paragraphs.map { paragraph in
            let lines = paragraph.split(separator: "\n").map(String.init)
            if lines.allSatisfy({ $0.hasPrefix("- ") }) {
                return "<ul>" + lines.map { "<li>\(escape(String($0.dropFirst(2))))</li>" }.joined() + "</ul>"
            }
            if paragraph.hasSuffix(":") && paragraph.count < 40 { return "<h3>\(escape(paragraph))</h3>" }
            return "<p>\(escape(paragraph))</p>"
        }.joined(separator: "\n")
    }

    /// `2025-02-11`.
    static func isoDay(_ date: Date) -> String { day(date, format: "%04d-%02d-%02d", order: .ymd) }

    /// `11.02.2025`.
    static func finnishDay(_ date: Date) -> String { day(date, format: "%02d.%02d.%04d", order: .dmy) }

    enum Order { case ymd, dmy }

    private static func day(_ date: Date, format: String, order: Order) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let (year, month, day) = (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
        switch order {
        case .ymd: return String(format: format, year, month, day)
        case .dmy: return String(format: format, day, month, year)
        }
    }
}
