/// One word of a text as the scorer sees it: the hash of its lower-cased spelling and where it is. What
/// only a few tokens need (context flags, the value of a number) is read from the text on demand.
struct TextToken {
    /// FNV-1a hash of the lower-cased bytes.
    var lowerHash: UInt64
    /// Byte range in the text.
    var start: Int
    var end: Int
    /// Whether the token opens a sentence, a line or the text.
    var startsSentence: Bool
    /// Whether the token is digits only (an optional trailing `+` allowed).
    var isNumber: Bool

    /// Context bits, see `TokenFlags`.
    @inline(__always)
    func flags(in bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let count = bytes.count
        var flags: UInt8 = startsSentence ? TokenFlags.sentenceStart : 0
        if start > 0 && (bytes[start - 1] == 0x2D || bytes[start - 1] == 0x26) { flags |= TokenFlags.joined }
        if end < count && (bytes[end] == 0x2D || bytes[end] == 0x26) { flags |= TokenFlags.joined }
        var look = end
        while look < count && (bytes[look] == 0x20 || bytes[look] == 0x09) { look += 1 }
        if look >= count {
            flags |= TokenFlags.listItem
        } else {
            switch bytes[look] {
            case 0x2C, 0x2F, 0x3B, 0x29, 0x7C, 0x0A, 0x0D, 0x2E: flags |= TokenFlags.listItem  // , / ; ) | \n \r .
            default: break
            }
        }
        return flags
    }

    /// The value of a number token (digits past the sixth are dropped), else -1.
    func number(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard isNumber else { return -1 }
        var number = 0
        var index = start
        while index < end && bytes[index] >= 0x30 && bytes[index] <= 0x39 {
            if number < 100_000 { number = number * 10 + Int(bytes[index] - 0x30) }
            index += 1
        }
        return number
    }
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

    /// Calls `body` with each token of `bytes`, in order. Inlined into its callers, so the scoring loop
    /// is one loop with no call per token.
    @inline(__always)
    static func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (TextToken) -> Void) {
        ByteClass.table.withUnsafeBufferPointer { classes in
            let count = bytes.count
            var index = 0
            var atBoundary = true
            while index < count {
                let byte = bytes[index]
                let kind = classes[Int(byte)]
                if kind & (ByteClass.alnum | ByteClass.letterLead) == 0 {
                    if byte == 0x2E && index + 1 < count && classes[Int(bytes[index + 1])] & ByteClass.alnum != 0
                        && (index == 0 || classes[Int(bytes[index - 1])] & ByteClass.alnum == 0)
                    {
                        // `.net`: a dot opening a word belongs to it.
                    } else {
                        index = skipSeparator(at: index, in: bytes, kind: kind, atBoundary: &atBoundary)
                        continue
                    }
                }
                let start = index
                var lower = offsetBasis
                var digits = ByteClass.digit
                while true {
                    // The common case, ASCII letters and digits: one table read and one hash step a byte.
                    while index < count {
                        let current = bytes[index]
                        let currentKind = classes[Int(current)]
                        guard currentKind & ByteClass.alnum != 0 else { break }
                        lower = (lower ^ UInt64(current | (currentKind & ByteClass.upper))) &* prime
                        digits &= currentKind
                        index += 1
                    }
                    guard index < count, classes[Int(bytes[index])] & ByteClass.wordContinues != 0 else { break }
                    let current = bytes[index]
                    if current >= 0x80 {
                        (index, lower) = hashLetter(at: index, in: bytes, hash: lower)
                        digits = 0
                    } else if current == 0x2E && index + 1 < count
                        && classes[Int(bytes[index + 1])] & ByteClass.alnum != 0
                    {
                        lower = (lower ^ 0x2E) &* prime
                        digits = 0
                        index += 1
                    } else {
                        break
                    }
                }
                if index < count && classes[Int(bytes[index])] & ByteClass.suffix != 0 {
                    let suffix = hashSuffix(at: index, in: bytes, hash: lower, classes: classes)
                    if suffix.end != index {
                        index = suffix.end
                        lower = suffix.hash
                        if suffix.isHash { digits = 0 }
                    }
                }
                body(
                    TextToken(
                        lowerHash: lower, start: start, end: index, startsSentence: atBoundary, isNumber: digits != 0))
                atBoundary = false
            }
        }
    }

    /// Adds one multi-byte letter to a hash (Ä Ö Å É and the other Latin-1 capitals fold to lower case);
    /// returns the index after it and the hash.
    @inline(never)
    private static func hashLetter(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, hash: UInt64)
        -> (Int, UInt64)
    {
        let lead = bytes[start]
        var lower = (hash ^ UInt64(lead)) &* prime
        var index = start + 1
        while index < bytes.count && bytes[index] & 0xC0 == 0x80 {
            var next = bytes[index]
            if lead == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97 { next |= 0x20 }
            lower = (lower ^ UInt64(next)) &* prime
            index += 1
        }
        return (index, lower)
    }

    /// Trailing `+` runs and a single `#` belong to names (C++, Notepad++, C#, F#, 5+) unless a word
    /// follows them (`a+b`). Returns the index after what was taken, the hash, and whether it took a `#`.
    @inline(never)
    private static func hashSuffix(
        at start: Int, in bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, classes: UnsafeBufferPointer<UInt8>
    ) -> (end: Int, hash: UInt64, isHash: Bool) {
        let count = bytes.count
        var lower = hash
        var index = start
        var plusSeen = false
        while index < count && bytes[index] == 0x2B
            && !(index + 1 < count && classes[Int(bytes[index + 1])] & ByteClass.alnum != 0)
        {
            lower = (lower ^ 0x2B) &* prime
            plusSeen = true
            index += 1
        }
        if !plusSeen && index < count && bytes[index] == 0x23
            && !(index + 1 < count && classes[Int(bytes[index + 1])] & ByteClass.alnum != 0)
        {
            return (index + 1, (lower ^ 0x23) &* prime, true)
        }
        return (index, lower, false)
    }

    /// Steps over one separator (a whole multi-byte character when it is one), noting whether a sentence
    /// or list item starts after it, and returns the index after it.
    @inline(__always)
    private static func skipSeparator(
        at start: Int, in bytes: UnsafeBufferPointer<UInt8>, kind: UInt8, atBoundary: inout Bool
    ) -> Int {
        if kind & ByteClass.boundary != 0 {
            atBoundary = true
        } else if kind & ByteClass.space == 0 {
            guard bytes[start] >= 0x80 else {
                atBoundary = false
                return start + 1
            }
            let (end, isBullet) = skipMultiByteSeparator(at: start, in: bytes)
            if isBullet { atBoundary = true }
            return end
        }
        return start + 1
    }

    /// A multi-byte separator (bullet, dash, quote, non-breaking space) is skipped whole; returns the index
    /// after it and whether it is a bullet, which starts a list item.
    @inline(never)
    private static func skipMultiByteSeparator(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
        let count = bytes.count
        let isBullet =
            bytes[start] == 0xE2 && start + 2 < count && bytes[start + 1] == 0x80 && bytes[start + 2] == 0xA2
        var index = start + 1
        while index < count && bytes[index] & 0xC0 == 0x80 { index += 1 }
        return (index, isBullet)
    }
}
