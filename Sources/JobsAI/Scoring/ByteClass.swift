/// What each byte value means to `TextTokenizer`, as bits in a 256-entry table, so the tokenizer reads
/// one table entry a byte instead of testing ranges.
enum ByteClass {
    /// ASCII letter or digit.
    static let alnum: UInt8 = 0x01
    /// ASCII digit.
    static let digit: UInt8 = 0x02
    /// First byte of a multi-byte character taken as a letter (Latin-1 letters and other scripts).
    static let letterLead: UInt8 = 0x04
    /// Ends a sentence or a line, so the next word opens one: `.`, `!`, `?`, newline, CR, `*`.
    static let boundary: UInt8 = 0x08
    /// Space or tab: separates words and leaves the sentence state alone.
    static let space: UInt8 = 0x10
    /// ASCII capital; also the bit that lower-cases it (`byte | upper`).
    static let upper: UInt8 = 0x20
    /// After ASCII letters and digits, the word may go on: a multi-byte letter or a `.` (`node.js`).
    static let wordContinues: UInt8 = 0x40
    /// May end a name: `+` (`C++`) or `#` (`C#`).
    static let suffix: UInt8 = 0x80

    /// The class bits of every byte value.
    static let table: [UInt8] = (0...255).map { classify(UInt8($0)) }

    static func classify(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x30...0x39: return alnum | digit
        case 0x41...0x5A: return alnum | upper
        case 0x61...0x7A: return alnum
        case 0x2E: return boundary | wordContinues  // .
        case 0x21, 0x3F, 0x0A, 0x0D, 0x2A: return boundary  // ! ? newline CR *
        case 0x20, 0x09: return space
        case 0x2B, 0x23: return suffix  // + #
        // Non-breaking space, dashes, quotes and bullets (0xC2 and 0xE2 leads) and stray continuation
        // bytes separate; every other lead byte starts a letter.
        case 0xC3...0xFF where byte != 0xE2: return letterLead | wordContinues
        default: return 0
        }
    }
}
