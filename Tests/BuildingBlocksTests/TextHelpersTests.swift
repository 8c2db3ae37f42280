import BuildingBlocks
import Foundation
import Testing

/// The pure-Swift text helpers against the Foundation APIs they replace in the functions.
@Suite struct TextHelpersTests {
    private static let samples = [
        "", " ", "plain", "  two words  ", "\tTabbed\t", "\n\r\nlines\n", "\u{A0}nbsp\u{A0}", "\u{2003}em\u{3000}",
        "\u{85}next line\u{2028}\u{2029}", " \u{301}mark", "Äänekoski ", "\r\n", ".dots.", ", 12.02.2025,",
    ]

    @Test func trimmingMatchesFoundation() {
        for text in Self.samples {
            #expect(text.trimmingWhitespaces() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(
                text.trimmingWhitespacesAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)")
            #expect(
                text.trimmingScalars(where: { $0 == "," || $0 == " " })
                    == text.trimmingCharacters(in: CharacterSet(charactersIn: ", ")))
        }
        #expect("  x y ".dropFirst().trimmingWhitespaces() == "x y")
    }

    @Test func scalarClassesMatchCharacterSetOnTheBasicMultilingualPlane() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let label = Comment(rawValue: "U+" + String(value, radix: 16))
            #expect(ScalarClass.isWhitespace(scalar) == CharacterSet.whitespaces.contains(scalar), label)
            #expect(
                ScalarClass.isWhitespaceOrNewline(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar), label
            )
            #expect(
                ScalarClass.isASCIIAlphanumeric(scalar)
                    == (scalar.isASCII && CharacterSet.alphanumerics.contains(scalar)), label)
        }
    }

    @Test func caseInsensitiveReplacingMatchesFoundation() {
        let cases: [(String, String)] = [
            ("Senior Developer at ACME, acme's developer", "acme"), ("Ääni ja ääni", "ääni"),
            ("no match here", "xyz"), ("aaaa", "aa"), ("Developer", "DEVELOPER"), ("", "x"),
        ]
        for (text, target) in cases {
            #expect(
                text.replacingCaseInsensitive(target, with: "…")
                    == text.replacingOccurrences(of: target, with: "…", options: .caseInsensitive))
        }
        #expect("abc".replacingCaseInsensitive("", with: "x") == "abc")
    }

    @Test func percentEncodingMatchesFoundation() {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let keeps = { (scalar: Unicode.Scalar) in allowed.contains(scalar) }
        for text in ["python-developer", "c#-developer", "ääkkönen ja ö", "a/b?c=d&e", "emoji 🚀", "100% sure"] {
            #expect(
                PercentEncoding.encode(text, keeping: keeps)
                    == text.addingPercentEncoding(withAllowedCharacters: allowed))
        }
    }

    @Test func percentDecodingMatchesFoundation() {
        for text in ["a%20b", "%C3%A4", "plain+plus", "%", "%4", "%zz", "%FF", "%e2%82%ac", ""] {
            #expect(PercentEncoding.decode(text) == text.removingPercentEncoding, "\(text)")
        }
        #expect(PercentEncoding.decodeBytes("%FF%00") == [0xFF, 0x00])
    }

    @Test func diacriticFoldingMatchesFoundationWhereverFoundationGivesASCII() {
        let locale = Locale(identifier: "en_US")
        for value in UInt32(0)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: locale)
            guard expected.unicodeScalars.contains(where: { ScalarClass.isASCIIAlphanumeric($0) }) else { continue }
            #expect(DiacriticFolding.fold(String(scalar)) == expected, "U+\(String(value, radix: 16))")
        }
        for text in ["Äänekosken Sähkö Oy", "A\u{308}bc", "Straße", "Œuvre ø", "ﬁne", "x\u{20DD}", "\u{308}a"] {
            #expect(
                DiacriticFolding.fold(text)
                    == text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: locale), "\(text)")
        }
    }
}
