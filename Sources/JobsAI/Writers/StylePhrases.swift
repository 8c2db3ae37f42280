/// How each style opens, bridges to the person, names a gap and closes, in English.
enum StylePhrases: LetterPhrases {
    static func salutation(_ style: LetterStyle, _ facts: LetterFacts) -> String {
        let team = facts.company.isEmpty ? "" : " \(facts.company)"
        switch style {
        case .professional: return "Dear\(team) hiring team,"
        case .friendly: return "Hello\(team) team,"
        case .confident: return facts.company.isEmpty ? "Dear hiring manager," : "Dear \(facts.company) team,"
        case .funny: return "Hello\(team) team (and whoever reads these first),"
        }
    }

    private static func role(_ facts: LetterFacts) -> String {
        let remote = facts.ad.isRemote ? "remote " : ""
        let company = facts.company.isEmpty ? "" : " at \(facts.company)"
        let city = facts.ad.isRemote ? "" : facts.ad.city.map { " in \($0)" } ?? ""
        return "the \(remote)\(facts.title) position\(company)\(city)"
    }

    static func opening(_ style: LetterStyle, _ facts: LetterFacts) -> String {
        let role = role(facts)
        let company = facts.company.isEmpty ? "your company" : facts.company
        switch facts.restrained ? .professional : style {
        case .professional:
            return facts.pick([
                "I am writing to apply for \(role).", "Please accept this letter as my application for \(role).",
            ])
        case .friendly:
            return facts.pick([
                "I was really glad to come across \(role), and I would love to be part of your team.",
                "When I read about \(role), I knew I wanted to write to you.",
            ])
        case .confident:
            return facts.pick([
                "I am applying for \(role), and I can deliver results in it from the first weeks.",
                "\(company) needs a \(facts.title) who delivers from day one, and that is what I offer.",
            ])
        case .funny:
            return facts.pick([
                "I saw the opening for \(role), and my keyboard started typing this letter on its own.",
                "Somewhere at \(company) a \(facts.title) chair is empty, and I would like to volunteer to warm it.",
            ])
        }
    }

    static func responsibility(quote: String, _ facts: LetterFacts) -> String {
        facts.pick([
            "Your ad describes the work like this: \"\(quote)\"",
            "The ad sums up the role in one sentence: \"\(quote)\"",
            "As your ad puts it: \"\(quote)\"",
        ])
    }

    static func activity(_ clause: String, _ facts: LetterFacts) -> String {
        facts.pick(["I understand that \(clause).", "From your ad I learned that \(clause)."])
    }

    static func sharedValue(_ value: Phrase, _ facts: LetterFacts) -> String {
        facts.pick([
            "Your ad stresses \(value.english), which is how I prefer to work as well.",
            "I noticed that your team values \(value.english); so do I.",
        ])
    }

    static func focus(on skills: [String]) -> String {
        "The role's focus on \(list(skills)) is where my own experience lies."
    }

    static func sharedDomain(_ domain: Phrase) -> String {
        "I have worked with \(domain.english) before, so I know that side of your work already."
    }

    static func introduction(role: RoleTitle?, years: Double?) -> String? {
        switch (role, years) {
        case (let role?, let years?):
            let title = role.text(.english)
            return "As \(article(title)) \(title), I have about \(yearsText(years)) of experience behind me."
        case (let role?, nil):
            let title = role.text(.english)
            return "By profession I am \(article(title)) \(title)."
        case (nil, let years?):
            return "In total I have about \(yearsText(years)) of experience in software work."
        case (nil, nil):
            return nil
        }
    }

    static var plainSkillsLead: String { "Here is what I can offer." }

    static func skillsLead(_ style: LetterStyle) -> String {
        switch style {
        case .professional: return "My experience matches what the role asks for."
        case .friendly: return "The technical side of the role feels like familiar ground."
        case .confident: return "My skills line up with your requirements."
        case .funny: return "Now, the serious part, where I list my skills and try not to make a pun."
        }
    }

    static func experience(_ skills: [SkillLine]) -> String {
        let parts = grouped(skills, years: years).map { "\($0.years) of \(list($0.names))" }
        return "I have \(list(parts))."
    }

    static func gap(_ style: LetterStyle, missing: String) -> String {
        switch style {
        case .professional:
            return "I have not yet worked with \(missing), and I would make learning it an early priority."
        case .friendly: return "\(missing) would be new to me, and I would happily learn it with your team."
        case .confident:
            return "\(missing) is not yet on my list; I pick up new tools fast and would close that gap quickly."
        case .funny: return "\(missing) and I have not been formally introduced yet, but I am told we would get along."
        }
    }

    static func level(_ level: JobLevel) -> String {
        let name: String
        switch level {
        case .expert: name = "senior"
        case .intermediate: name = "intermediate"
        case .entry: name = "junior"
        case .intern: name = "internship"
        }
        return "The \(name) level of the role is the step I am looking for."
    }

    static func motivation(_ style: LetterStyle, _ interests: [Phrase]) -> String {
        let things = list(interests.map(\.english))
        switch style {
        case .professional: return "In my work I also care about \(things)."
        case .friendly: return "What makes a good workday for me is \(things)."
        case .confident: return "You can count on a strong focus on \(things) from me."
        case .funny: return "My colleagues know that any coffee break with me may turn into a chat about \(things)."
        }
    }

    static func closing(_ style: LetterStyle, _ facts: LetterFacts) -> String {
        switch facts.restrained ? .professional : style {
        case .professional:
            return facts.pick([
                "I would welcome the opportunity to discuss how I can contribute to your team. Thank you for your time and consideration.",
                "Thank you for considering my application. I would be glad to tell you more in an interview.",
            ])
        case .friendly:
            return facts.pick([
                "I would love to chat about the role and hear more about your team. Thank you for reading!",
                "It would be great to meet and talk about how I could help your team. Thanks for your time!",
            ])
        case .confident:
            return facts.pick([
                "I am ready to contribute from the start and would like to show you how in an interview.",
                "Let us talk about what I can achieve in this role. I look forward to hearing from you.",
            ])
        case .funny:
            return facts.pick([
                "I would be happy to continue this conversation over coffee, or tea, I am not picky. Thank you for reading this far!",
                "If you invite me for an interview, I promise my commit messages are more informative than \"fixed stuff\". Thanks for reading!",
            ])
        }
    }

    static func signOff(_ style: LetterStyle) -> String {
        switch style {
        case .professional: return "Kind regards,"
        case .friendly: return "Warm regards,"
        case .confident: return "Best regards,"
        case .funny: return "Cheers and best regards,"
        }
    }

    /// Years in words for a slider value, never more than the value means.
    static func years(_ level: Int) -> String {
        switch level {
        case ...1: return "a few months"
        case 2: return "almost a year"
        case 3: return "over a year"
        case 4: return "almost two years"
        case 5: return "over two years"
        case 6: return "almost three years"
        default: return "more than three years"
        }
    }

    private static let numberWords = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]

    /// "four years", "one and a half years", "15 years".
    static func yearsText(_ years: Double) -> String {
        let whole = Int(years)
        let half = years - Double(whole) >= 0.5
        let number = whole < numberWords.count ? numberWords[whole] : String(whole)
        if whole == 0 { return "half a year" }
        if half { return "\(number) and a half years" }
        return whole == 1 ? "one year" : "\(number) years"
    }

    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeio".contains(first) ? "an" : "a"
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
