/// A person's text as sentences of lower-case words, with clause breaks (`,` `:` `(`) kept as `","`.
/// Hyphens and slashes separate words (`back-end` reads as `back end`, `Helsinki/remote` as two words).
struct ProseWords {
    /// The marker standing for a clause break inside a sentence.
    static let clauseBreak = ","

    /// Each sentence as its original text and its words.
    let sentences: [(text: String, words: [String])]

    init(_ text: String) {
        var sentences: [(String, [String])] = []
        var sentence = ""
        var words: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        func endSentence() {
            endWord()
            if words.contains(where: { $0 != Self.clauseBreak }) { sentences.append((sentence, words)) }
            sentence = ""
            words = []
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            switch character {
            case ".", "!", "?", ";", "\n":
                // `node.js`, `3.5`: a dot inside a word is part of it.
                if character == ".", !word.isEmpty, next.isLetter || next.isNumber {
                    word.append(character)
                    sentence.append(character)
                } else {
                    endSentence()
                }
            case ",", ":", "(", ")", "–", "—":
                endWord()
                if words.last != Self.clauseBreak { words.append(Self.clauseBreak) }
                sentence.append(character)
            case "'", "’":
                if !word.isEmpty && next.isLetter { word.append("'") }
                sentence.append(character)
            default:
                sentence.append(character)
                if character.isLetter || character.isNumber || ((character == "+" || character == "#") && !word.isEmpty)
                {
                    word.append(contentsOf: character.lowercased())
                } else {
                    endWord()
                }
            }
        }
        endSentence()
        self.sentences = sentences
    }

    /// Whether `phrase` (words separated by spaces or hyphens) starts at `index` of `words`.
    static func phrase(_ phrase: [String], at index: Int, in words: [String]) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        for (offset, part) in phrase.enumerated() where words[index + offset] != part { return false }
        return true
    }

    /// A phrase split as prose is (`tietoturva-asiantuntija` into two words).
    static func split(_ phrase: String) -> [String] {
        phrase.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }).map(String.init)
    }
}
