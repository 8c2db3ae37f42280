#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A word of a text with where it is: letters, digits and a trailing `+`, lower-cased.
struct TextWord {
    let text: String
    let range: Range<String.Index>

    /// The words of a text in order; `3.5` and `4+` stay one word.
    static func split(_ text: String) -> [TextWord] {
        var words: [TextWord] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let inNumber =
                (character == "." || character == ",") && start != nil && text[start!].isNumber
                && next < text.endIndex && text[next].isNumber
            if character.isLetter || character.isNumber || inNumber || (character == "+" && start != nil) {
                if start == nil { start = index }
            } else if let begin = start {
                words.append(TextWord(text: text[begin..<index].lowercased(), range: begin..<index))
                start = nil
            }
            index = next
        }
        if let begin = start { words.append(TextWord(text: text[begin...].lowercased(), range: begin..<text.endIndex)) }
        return words
    }
}

/// "more than three years", "4+ years", "yli kolmen vuoden": a number of years stated in a text.
struct YearsClaim: Equatable {
    /// The years stated ("more than three" is 3, "less than two" 1.5).
    let years: Double
    /// The index of the claim's first word in the words it was found in.
    let firstWord: Int

    private static let units: Set<String> = ["year", "years", "yrs", "yr", "vuosi", "vuoden", "vuotta", "vuodesta"]
    private static let numbers: [String: Double] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "yksi": 1, "yhden": 1,
        "kaksi": 2, "kahden": 2, "kolme": 3, "kolmen": 3, "kolmea": 3, "neljä": 4, "neljän": 4, "viisi": 5,
        "viiden": 5, "kuusi": 6, "kuuden": 6, "seitsemän": 7, "kahdeksan": 8, "yhdeksän": 9, "kymmenen": 10,
        "puolentoista": 1.5, "puolitoista": 1.5, "puoli": 0.5, "half": 0.5,
    ]
    private static let lessThan: Set<String> = ["less", "under", "alle"]
    private static let approximately: Set<String> = ["over", "yli", "noin", "about", "around", "almost", "lähes"]

    /// Every years claim in a list of words.
    static func find(in words: [TextWord]) -> [YearsClaim] {
        var claims: [YearsClaim] = []
        for (index, word) in words.enumerated() where units.contains(word.text) {
            var first = index
            var value: Double?
            if index > 0 {
                let previous = words[index - 1].text
                if let found = number(previous) {
                    value = previous == "a" && index >= 2 && words[index - 2].text == "half" ? 0.5 : found
                    first = index - 1
                    // "one and a half years", "two and a half years"
                    if previous == "half", index >= 4, words[index - 3].text == "and",
                        let whole = number(words[index - 4].text)
                    {
                        value = whole + 0.5
                        first = index - 4
                    }
                } else if approximately.contains(previous) {
                    value = 1  // "yli vuoden", "noin vuoden"
                }
            }
            guard var years = value else { continue }
            let before = words[max(0, first - 2)..<first].map(\.text)
            if before.contains(where: lessThan.contains) {
                years -= 0.5
            }
            claims.append(YearsClaim(years: years, firstWord: first))
        }
        return claims
    }

    private static func number(_ word: String) -> Double? {
        if let known = numbers[word] { return known }
        let digits = word.hasSuffix("+") ? String(word.dropLast()) : word
        return Double(digits.replacing(",", with: "."))
    }
}
