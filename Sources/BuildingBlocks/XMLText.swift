/// Text made safe for XML (and HTML) element content and attribute values: the one escaper of the project.
public enum XMLText {
    /// What becomes of a character XML 1.0 cannot carry (controls other than tab, line feed and carriage
    /// return; U+FFFE and U+FFFF).
    public enum Forbidden: Sendable {
        /// Left out (documents a reader must parse, such as a docx).
        case drop
        /// Written as a numeric reference, as S3 does in listings, so the key round-trips; a carriage return
        /// is written as `&#13;` too, since a parser would otherwise turn it into a line feed.
        case characterReference
    }

    /// `text` with `& < > " '` escaped and forbidden characters handled as `forbidden` says.
    public static func escape(_ text: String, forbidden: Forbidden = .drop) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r" where forbidden == .drop: out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value >= 0x20 && value != 0xFFFE && value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                } else if forbidden == .characterReference {
                    out += "&#\(value);"
                }
            }
        }
        return out
    }
}
