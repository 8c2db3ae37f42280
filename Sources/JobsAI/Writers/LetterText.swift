/// A letter's text cut for checking: its quotes, and its sentences with every quote masked.
struct LetterText {
    /// Quoted passages, without their marks.
    let quotes: [String]
    /// Sentences of the salutation, paragraphs and closing; quotes replaced by `"…"`.
    let sentences: [String]
    /// Every line joined, quotes included.
    let full: String

    private static let pairs: [(open: Character, close: Character)] = [
        ("\"", "\""), ("\u{201C}", "\u{201D}"), ("\u{201D}", "\u{201D}"), ("\u{00AB}", "\u{00BB}"),
    ]

    init(_ letter: Letter) {
        let lines = [letter.salutation] + letter.paragraphs + [letter.closing]
        full = lines.joined(separator: "\n")
        var quotes: [String] = []
        var sentences: [String] = []
        for line in lines {
            let (masked, found) = Self.maskQuotes(line)
            quotes += found
            sentences += DescriptionFacts.sentences(of: masked)
        }
        self.quotes = quotes
        self.sentences = sentences
    }

    /// The line with each quote replaced by `"…"`, and the quotes.
    static func maskQuotes(_ line: String) -> (String, [String]) {
        var masked = ""
        var quotes: [String] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let pair = pairs.first(where: { $0.open == character }),
                let close = line[line.index(after: index)...].firstIndex(of: pair.close)
            {
                quotes.append(String(line[line.index(after: index)..<close]))
                masked += "\"…\""
                index = line.index(after: close)
            } else {
                masked.append(character)
                index = line.index(after: index)
            }
        }
        return (masked, quotes)
    }

    /// Lower-case words of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Whether `text` repeats a run of `length` consecutive words of `source`; returns the run.
    static func sharedRun(_ text: String, _ source: String, length: Int) -> String? {
        let sourceWords = words(source)
        guard sourceWords.count >= length else { return nil }
        var runs = Set<[String]>()
        for start in 0...(sourceWords.count - length) { runs.insert(Array(sourceWords[start..<start + length])) }
        let textWords = words(text)
        guard textWords.count >= length else { return nil }
        for start in 0...(textWords.count - length) {
            let run = Array(textWords[start..<start + length])
            if runs.contains(run) { return run.joined(separator: " ") }
        }
        return nil
    }
}
