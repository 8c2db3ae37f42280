/// The facts one letter is about, ready to be put into sentences.
struct LetterFacts {
    let title: String
    let company: String
    let location: String
    /// Deterministic per job: picks among phrasings so two letters do not read alike.
    let variant: Int

    func pick(_ options: [String]) -> String { options[variant % options.count] }
    var inLocation: String { location.isEmpty ? "" : " in \(location)" }
}

/// How each style opens, bridges to the person, shrugs off a gap and closes.
enum StylePhrases {
    static func salutation(_ style: LetterStyle, _ facts: LetterFacts) -> String {
        switch style {
        case .professional: return "Dear \(facts.company) hiring team,"
        case .friendly: return "Hello \(facts.company) team,"
        case .confident: return "Dear \(facts.company) team,"
        case .funny: return "Hello \(facts.company) team (and whoever reads these first),"
        }
    }

    static func opening(_ style: LetterStyle, _ facts: LetterFacts) -> String {
        let role = "the \(facts.title) position at \(facts.company)\(facts.inLocation)"
        switch style {
        case .professional:
            return facts.pick([
                "I am writing to apply for \(role).",
                "Please accept this letter as my application for \(role).",
            ])
        case .friendly:
            return facts.pick([
                "I was really glad to come across \(role), and I would love to be part of your team.",
                "When I read about \(role), I knew I wanted to write to you.",
            ])
        case .confident:
            return facts.pick([
                "I am the developer you are looking for as your \(facts.title) at \(facts.company).",
                "\(facts.company) needs a \(facts.title) who delivers from day one, and that is what I offer.",
            ])
        case .funny:
            return facts.pick([
                "I saw that \(facts.company) is looking for a \(facts.title), and my keyboard started typing this letter on its own.",
                "Somewhere at \(facts.company) a \(facts.title) chair is empty, and I would like to volunteer to warm it.",
            ])
        }
    }

    static func skillsLead(_ style: LetterStyle) -> String {
        switch style {
        case .professional: return "My experience matches what the role asks for."
        case .friendly: return "The technical side of the role is close to my heart."
        case .confident: return "My skills line up with your requirements."
        case .funny: return "Now, the serious part, where I list my skills and try not to make a pun."
        }
    }

    static func gap(_ style: LetterStyle, missing: String) -> String {
        switch style {
        case .professional:
            return "I have not yet worked with \(missing), and I would make learning it an early priority."
        case .friendly: return "\(missing) would be new to me, and I am honestly excited to learn it with your team."
        case .confident:
            return "\(missing) is not yet on my list; I pick up new tools fast and would close that gap quickly."
        case .funny: return "\(missing) and I have not been formally introduced yet, but I am told we would get along."
        }
    }

    static func personalLead(_ style: LetterStyle) -> String {
        switch style {
        case .professional: return "A few words about me as a colleague:"
        case .friendly: return "A little about me as a person:"
        case .confident: return "What sets me apart:"
        case .funny: return "About the human behind the keyboard:"
        }
    }

    static func closing(_ style: LetterStyle, _ facts: LetterFacts) -> String {
        switch style {
        case .professional:
            return facts.pick([
                "I would welcome the opportunity to discuss how I can contribute to \(facts.company). Thank you for your time and consideration.",
                "Thank you for considering my application. I would be glad to tell you more in an interview.",
            ])
        case .friendly:
            return facts.pick([
                "I would love to chat about the role and hear more about your team. Thank you for reading!",
                "It would be great to meet and talk about how I could help \(facts.company). Thanks for your time!",
            ])
        case .confident:
            return facts.pick([
                "I am ready to contribute to \(facts.company) and would like to show you how in an interview.",
                "Let us talk about what I can achieve as your \(facts.title). I look forward to hearing from you.",
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

    /// Years in words for a slider value.
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

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
