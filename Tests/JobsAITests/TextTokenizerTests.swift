import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing

@testable import JobsAI

/// The byte-level tokenizer the scorer runs on: names with punctuation, Finnish letters, context flags
/// and numbers, each read the same way the table-driven loop reads them.
@Suite struct TextTokenizerTests {
    struct Seen: Equatable {
        let hash: UInt64
        let text: String
        let flags: UInt8
        let number: Int
    }

    static func tokens(_ text: String) -> [Seen] {
        var seen: [Seen] = []
        TextTokenizer.forEachToken(in: text) { token, bytes in
            let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
            seen.append(
                Seen(hash: token.lowerHash, text: slice, flags: token.flags(in: bytes), number: token.number(in: bytes))
            )
        }
        return seen
    }

    @Test func namesKeepTheirPunctuation() {
        let seen = Self.tokens("C++, C#, .NET and node.js; Notepad++ or a+b.")
        #expect(seen.map(\.text) == ["C++", "C#", ".NET", "and", "node.js", "Notepad++", "or", "a", "b"])
        #expect(seen[0].hash == TextTokenizer.hash("c++"))
        #expect(seen[1].hash == TextTokenizer.hash("c#"))
        #expect(seen[2].hash == TextTokenizer.hash(".net"))
        #expect(seen[4].hash == TextTokenizer.hash("node.js"))
        #expect(seen[5].hash == TextTokenizer.hash("notepad++"))
        // A dot inside a word joins only before a letter or digit; at the end of a sentence it separates.
        #expect(Self.tokens("Use Vue.js.").map(\.text) == ["Use", "Vue.js"])
        #expect(Self.tokens("C++.NET c#.net").map(\.text) == ["C++", ".NET", "c#", ".net"])
    }

    @Test func finnishLettersFoldToLowerCase() {
        let seen = Self.tokens("KEHITTÄJÄ Äänekoski ÅÖÄ, työharjoittelu SQL:stä")
        #expect(seen.map(\.text) == ["KEHITTÄJÄ", "Äänekoski", "ÅÖÄ", "työharjoittelu", "SQL", "stä"])
        #expect(seen[0].hash == TextTokenizer.hash("kehittäjä"))
        #expect(seen[1].hash == TextTokenizer.hash("äänekoski"))
        #expect(seen[2].hash == TextTokenizer.hash("åöä"))
        #expect(seen[3].hash == TextTokenizer.hash("työharjoittelu"))
        // Other scripts are letters too; the multiplication sign is not a letter to fold.
        #expect(Self.tokens("Ωmega naïve ×2").map(\.text) == ["Ωmega", "naïve", "×2"])
    }

    @Test func multiByteSeparatorsSplitWords() {
        #expect(
            Self.tokens("Python\u{00A0}Django–Go “Rust” 10 €").map(\.text) == ["Python", "Django", "Go", "Rust", "10"])
        let bullet = Self.tokens("skills:•Go")
        #expect(bullet.last?.text == "Go")
        #expect(bullet.last.map { $0.flags & TokenFlags.sentenceStart != 0 } == true)
    }

    @Test func contextFlags() {
        let seen = Self.tokens("Go, C-level R&D. We use\tR\nand C")
        let flags = Dictionary(seen.map { ($0.text, $0.flags) }, uniquingKeysWith: { first, _ in first })
        #expect(flags["Go"] == TokenFlags.sentenceStart | TokenFlags.listItem)
        #expect(flags["C"] == TokenFlags.joined)
        #expect(flags["R"] == TokenFlags.joined)
        #expect(flags["D"] == TokenFlags.joined | TokenFlags.listItem)
        #expect(flags["We"] == TokenFlags.sentenceStart)
        #expect(seen.first { $0.text == "R" && $0.flags & TokenFlags.joined == 0 }?.flags == TokenFlags.listItem)
        #expect(seen.last?.flags == TokenFlags.listItem)
        #expect(flags["and"] == TokenFlags.sentenceStart)
    }

    @Test func numbers() {
        let seen = Self.tokens("5+ years, 3.5 v, 12 vuotta, 1234567, x2, 2x")
        #expect(seen.map(\.text) == ["5+", "years", "3.5", "v", "12", "vuotta", "1234567", "x2", "2x"])
        #expect(seen.map(\.number) == [5, -1, -1, -1, 12, -1, 123_456, -1, -1])
        #expect(Self.tokens("99999999").first?.number == 999_999)
    }
}
