import BuildingBlocks

/// The letter rules that need only the text and one fact each (placeholders, quotes, pasting, the company's
/// name, questionnaire labels, language, the sign-off).
enum LetterRules {
    /// `[Your Name]`, `[company]`, `{{skills}}`, `<Company>`.
    static func placeholders(_ text: LetterText) -> [LetterViolation] {
        var found: [LetterViolation] = []
        for (open, close) in [("[", "]"), ("{{", "}}"), ("<", ">")] {
            var rest = text.full[...]
            while let start = rest.firstRange(of: open), let end = rest[start.upperBound...].firstRange(of: close) {
                let inner = rest[start.upperBound..<end.lowerBound]
                if inner.count <= 40, inner.contains(where: \.isLetter) {
                    found.append(.init(.placeholder, "contains the placeholder \(open)\(inner)\(close)"))
                }
                rest = rest[end.upperBound...]
            }
        }
        return found
    }

    /// Quotes of four or more words must be whole sentences in the letter's language.
    static func quotes(_ text: LetterText, language: LetterLanguage) -> [LetterViolation] {
        var found: [LetterViolation] = []
        for quote in text.quotes where LetterText.words(quote).count >= 4 {
            let trimmed = quote.trimmingWhitespacesAndNewlines()
            let whole =
                trimmed.first.map { $0.isUppercase || $0.isNumber } == true
                && trimmed.last.map { ".!?".contains($0) } == true && !trimmed.hasSuffix("...")
                && !trimmed.hasSuffix("…")
            if !whole { found.append(.init(.fragmentQuote, "quotes a fragment, not a whole sentence: \"\(quote)\"")) }
            if TextLanguage.isForeign(quote, in: language) {
                found.append(.init(.wrongLanguage, "quotes a line in the wrong language: \"\(quote)\""))
            }
        }
        return found
    }

    /// Seven words in a row from the candidate's description, or twelve from the ad outside a quote.
    static func pasted(_ text: LetterText, description: String, ad: String) -> [LetterViolation] {
        var found: [LetterViolation] = []
        let unquoted = text.sentences.joined(separator: "\n")
        // Runs are counted within sentences: two sentences that each echo a few words do not make a paste.
        let descriptionSentences = description.split(whereSeparator: { ".!?\n".contains($0) }).map(String.init)
        let letterSentences = text.full.split(whereSeparator: { ".!?\n".contains($0) }).map(String.init)
        let pastedRun = letterSentences.lazy.compactMap { sentence in
            descriptionSentences.lazy.compactMap { LetterText.sharedRun(sentence, $0, length: 7) }.first
        }.first
        if let run = pastedRun {
            found.append(.init(.pastedDescription, "repeats the candidate's description word for word (\"\(run)\")"))
        }
        if let run = LetterText.sharedRun(unquoted, ad, length: 12) {
            found.append(.init(.pastedAd, "pastes the ad outside a quote (\"\(run)\")"))
        }
        return found
    }

    private static let legalSuffixes: Set<String> = ["oy", "oyj", "ab", "ltd", "inc", "gmbh", "ry", "as", "plc", "llc"]

    /// The company's distinctive name ("Koodi" of "Koodi Oy") at most twice.
    static func company(_ text: LetterText, company: String) -> [LetterViolation] {
        var core = LetterText.words(company)
        while let last = core.last, legalSuffixes.contains(last), core.count > 1 { core.removeLast() }
        guard !core.isEmpty else { return [] }
        let words = LetterText.words(text.full)
        guard words.count >= core.count else { return [] }
        var count = 0
        for start in 0...(words.count - core.count) where Array(words[start..<start + core.count]) == core {
            count += 1
        }
        return count > 2 ? [.init(.companyRepeated, "names \(company) \(count) times; at most twice")] : []
    }

    /// Labels with a questionnaire's parenthesis and the sliders' captions.
    static let labels: [String] = Questionnaire.standard.allTechnologies.map(\.technology.label)
        .filter { $0.contains("(") && !SkillNames.isAcronymLabel($0) }

    static func labels(_ text: LetterText) -> [LetterViolation] {
        let lower = text.full.lowercased()
        var found = labels.filter { lower.contains($0.lowercased()) }.map {
            LetterViolation(.questionnaireLabel, "uses the questionnaire label \"\($0)\" instead of its name")
        }
        for caption in ExperienceScale.captions.dropFirst() where text.full.contains(caption) {
            found.append(.init(.questionnaireLabel, "uses the slider caption \"\(caption)\""))
        }
        return found
    }

    /// Every sentence in the letter's language.
    static func language(_ text: LetterText, language: LetterLanguage) -> [LetterViolation] {
        text.sentences.filter { TextLanguage.isForeign($0, in: language) }.map {
            LetterViolation(.wrongLanguage, "is not in \(language.rawValue): \"\($0)\"")
        }
    }

    static let signOffs = [
        "regards", "sincerely", "best", "cheers", "yours", "thanks", "terveisin", "ystävällisin", "parhain", "kiittäen",
    ]

    /// A sign-off line when no name follows it.
    static func danglingSignOff(_ closing: String) -> LetterViolation? {
        let lower = closing.lowercased().trimmingWhitespacesAndNewlines()
        guard lower.hasSuffix(",") || signOffs.contains(where: lower.contains) else { return nil }
        return .init(.danglingSignOff, "ends with \"\(closing)\" but no name is signed under it")
    }
}
