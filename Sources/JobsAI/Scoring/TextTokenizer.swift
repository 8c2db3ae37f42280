/// One word of a text as the scorer sees it: the hash of its lower-cased spelling, where it is, and context.
struct TextToken {
    /// FNV-1a hash of the lower-cased bytes.
    var lowerHash: UInt64
    /// Byte range in the text (for the exact spelling, needed only for ambiguous names).
    var start: Int
    var end: Int
    /// Context bits, see `TokenFlags`.
    var flags: UInt8
    /// The value of a token of digits (an optional trailing `+` allowed), else -1.
    var number: Int
}

/// Context bits of a token, used to tell a technology name from an everyday word or letter.
enum TokenFlags {
    /// Glued to a hyphen or ampersand (`C-level`, `R&D`, `go-to-market`).
    static let joined: UInt8 = 1
    /// First word of a sentence, line or text.
    static let sentenceStart: UInt8 = 2
    /// Followed by a list separator or the end of a line (`Go, Rust`, `- Go` on its own line).
    static let listItem: UInt8 = 4
}

/// Splits UTF-8 text into tokens in one pass, without regular expressions or allocations. Words keep
/// the characters that make technology names (`c++`, `c#`, `.net`, `node.js`); everything else separates.
enum TextTokenizer {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// The hash `forEachToken` gives a single lower-case word, for building lookup tables.
    static func hash(_ word: String) -> UInt64 {
        var hash = offsetBasis
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// FNV-1a hash of a token's bytes as written.
    @inline(__always)
    static func exactHash(of token: TextToken, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for index in token.start..<token.end { hash = (hash ^ UInt64(bytes[index])) &* prime }
        return hash
    }

    static func forEachToken(in text: String, _ body: (TextToken, UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in forEachToken(in: bytes) { body($0, bytes) } }
    }

    @inline(__always)
    private static func isAlnum(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Whether a multi-byte character starting here is a letter (Latin-1 letters and other scripts) rather
    /// than punctuation such as a non-breaking space, a dash, a quote or a bullet.
    @inline(__always)
    private static func isLetterLead(_ byte: UInt8) -> Bool { byte >= 0xC3 && byte != 0xE2 }

    static func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (TextToken) -> Void) {
        let count = bytes.count
        var index = 0
        var atBoundary = true
        while index < count {
            let byte = bytes[index]
            let startsDotWord =
                byte == 0x2E && index + 1 < count && isAlnum(bytes[index + 1])
                && (index == 0 || !isAlnum(bytes[index - 1]))
            guard isAlnum(byte) || isLetterLead(byte) || startsDotWord else {
                if byte >= 0x80 {
                    // A multi-byte separator (bullet, dash, quote, non-breaking space): skip it whole.
                    if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA2 {
                        atBoundary = true
                    }
                    index += 1
                    while index < count && bytes[index] & 0xC0 == 0x80 { index += 1 }
                    continue
                }
                switch byte {
                case 0x2E, 0x21, 0x3F, 0x0A, 0x0D, 0x2A: atBoundary = true  // . ! ? newline CR *
                case 0x20, 0x09: break
                default: atBoundary = false
                }
                index += 1
                continue
            }
            let start = index
            var lower = offsetBasis
            var number = 0
            var digitsOnly = true
            while index < count {
                let current = bytes[index]
                if isAlnum(current) {
                    let folded = current >= 0x41 && current <= 0x5A ? current | 0x20 : current
                    lower = (lower ^ UInt64(folded)) &* prime
                    if current >= 0x30 && current <= 0x39 {
                        if number < 100_000 { number = number * 10 + Int(current - 0x30) }
                    } else {
                        digitsOnly = false
                    }
                    index += 1
                } else if current >= 0x80 && isLetterLead(current) {
                    digitsOnly = false
                    lower = (lower ^ UInt64(current)) &* prime
                    index += 1
                    while index < count && bytes[index] & 0xC0 == 0x80 {
                        var next = bytes[index]
                        // Ä Ö Å É and the other Latin-1 capitals fold to lower case.
                        if current == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97 { next |= 0x20 }
                        lower = (lower ^ UInt64(next)) &* prime
                        index += 1
                    }
                } else if current == 0x2E && index + 1 < count && isAlnum(bytes[index + 1]) {
                    digitsOnly = false
                    lower = (lower ^ 0x2E) &* prime
                    index += 1
                } else {
                    break
                }
            }
            // Trailing `+` runs and a single `#` belong to names (C++, Notepad++, C#, F#, 5+).
            var plusSeen = false
            while index < count && bytes[index] == 0x2B && !(index + 1 < count && isAlnum(bytes[index + 1])) {
                lower = (lower ^ 0x2B) &* prime
                plusSeen = true
                index += 1
            }
            if !plusSeen && index < count && bytes[index] == 0x23 && !(index + 1 < count && isAlnum(bytes[index + 1])) {
                lower = (lower ^ 0x23) &* prime
                digitsOnly = false
                index += 1
            }
            var flags: UInt8 = 0
            if start > 0 && (bytes[start - 1] == 0x2D || bytes[start - 1] == 0x26) { flags |= TokenFlags.joined }
            if index < count && (bytes[index] == 0x2D || bytes[index] == 0x26) { flags |= TokenFlags.joined }
            if atBoundary { flags |= TokenFlags.sentenceStart }
            var look = index
            while look < count && (bytes[look] == 0x20 || bytes[look] == 0x09) { look += 1 }
            if look >= count {
                flags |= TokenFlags.listItem
            } else {
                switch bytes[look] {
                case 0x2C, 0x2F, 0x3B, 0x29, 0x7C, 0x0A, 0x0D, 0x2E: flags |= TokenFlags.listItem  // , / ; ) | \n \r .
                default: break
                }
            }
            atBoundary = false
            body(TextToken(lowerHash: lower, start: start, end: index, flags: flags, number: digitsOnly ? number : -1))
        }
    }
}
