/// Unicode scalar classes as Foundation's `CharacterSet` defines them, for code that links FoundationEssentials
/// only (which has no `CharacterSet`).
public enum ScalarClass {
    /// `CharacterSet.whitespaces`: space separators (category Zs), the tab, and the zero-width space Foundation
    /// still counts (it was Zs before Unicode 4.0.1).
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// `CharacterSet.whitespacesAndNewlines`: category Z*, the tab, U+000A-U+000D, U+0085 and U+200B.
    public static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x200B: return true
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    /// `A-Z`, `a-z` and `0-9`.
    public static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return false
        }
    }
}
