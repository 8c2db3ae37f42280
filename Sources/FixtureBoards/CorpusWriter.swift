/// Writes one generated ad: title, company, city, level, language and a body that reads like a real one.
enum CorpusWriter {
    static func listing(_ index: Int, random: inout SplitMix) -> FixtureListing {
        let stack = CorpusStacks.all[index % CorpusStacks.all.count]
        let level = levels[random.below(levels.count)]
        let finnish = random.below(10) < 4
        let city = random.pick(CorpusStacks.cities)
        let company =
            "\(random.pick(CorpusStacks.companyFirst)) \(random.pick(CorpusStacks.companySecond)) \(random.pick(CorpusStacks.companySuffix))"
        let role = finnish ? random.pick(stack.finnish) : random.pick(stack.english)
        let title = titled(role, level: level, finnish: finnish)
        var skills = stack.core
        var extras = stack.extra
        for _ in 0..<2 where !extras.isEmpty { skills.append(extras.remove(at: random.below(extras.count))) }
        let niceToHave = extras.isEmpty ? nil : extras[random.below(extras.count)]
        let years = yearsFor(level, random: &random)
        let paragraphs =
            finnish
            ? finnishBody(
                stack, title: title, company: company, city: city, skills: skills, nice: niceToHave, years: years)
            : englishBody(
                stack, title: title, company: company, city: city, skills: skills, nice: niceToHave, years: years)
        let boards: [FixtureBoard] = [[.duunitori], [.duunitori], [.jobly], [.jobly], [.duunitori, .jobly]][index % 5]
        let slug = slugify("\(title) \(company)") + "-\(1000 + index)"
        let headline = ([title, stack.name, stack.tags, city, levelWords(level)] + skills).joined(separator: " ")
        let searchText = ([headline, company] + paragraphs).joined(separator: " ").lowercased()
        return FixtureListing(
            id: 1000 + index, slug: slug, title: title, company: company, city: city, level: level,
            language: finnish ? "fi" : "en", stack: stack.name, skills: skills, ageDays: random.below(45),
            paragraphs: paragraphs, boards: boards, searchText: searchText,
            headlineText: headline.lowercased())
    }

    private static let levels: [FixtureLevel] = [
        .senior, .senior, .senior, .intermediate, .intermediate, .intermediate, .intermediate, .junior, .junior,
        .intern,
    ]

    static func titled(_ role: String, level: FixtureLevel, finnish: Bool) -> String {
        switch level {
        case .senior: return "Senior \(role)"
        case .intermediate: return role
        case .junior: return "Junior \(role)"
        case .intern: return finnish ? "\(role), harjoittelija" : "\(role) Intern"
        }
    }

    static func levelWords(_ level: FixtureLevel) -> String {
        switch level {
        case .senior: return "senior lead expert kokenut"
        case .intermediate: return ""
        case .junior: return "junior entry"
        case .intern: return "intern internship trainee harjoittelija kesätyö"
        }
    }

    static func yearsFor(_ level: FixtureLevel, random: inout SplitMix) -> Int? {
        switch level {
        case .senior: return 5 + random.below(3)
        case .intermediate: return 2 + random.below(2)
        case .junior: return random.below(2) == 0 ? nil : 1
        case .intern: return nil
        }
    }

    static func englishBody(
        _ stack: CorpusStack, title: String, company: String, city: String, skills: [String], nice: String?, years: Int?
    ) -> [String] {
        let place = city == "Etätyö" ? "fully remote within Finland" : "at our office in \(city)"
        var body = [
            "\(company) is looking for a \(title) to join our team, \(place). In this role you will \(stack.duty).",
            "We are a team of friendly professionals who value clean code, code review and shipping small changes often.",
            "Requirements:",
        ]
        var requirements = skills.prefix(3).map { "- Solid experience with \($0)" }
        if skills.count > 3 {
            requirements.append("- Familiarity with \(skills.dropFirst(3).joined(separator: " and "))")
        }
        if let years { requirements.append("- At least \(years) years of experience in software development") }
        requirements.append("- Good communication skills in English; Finnish is a plus")
        body.append(requirements.joined(separator: "\n"))
        if let nice { body.append("Nice to have: experience with \(nice).") }
        body.append("We offer a hybrid model, flexible hours, a yearly training budget and occupational health care.")
        return body
    }

    static func finnishBody(
        _ stack: CorpusStack, title: String, company: String, city: String, skills: [String], nice: String?, years: Int?
    ) -> [String] {
        let place = city == "Etätyö" ? "Työ tehdään etänä." : "Työpaikan sijainti: \(city)."
        var body = [
            "\(company) etsii joukkoonsa: \(title). Tehtävässä \(stack.dutyFinnish). \(place)",
            "Tiimimme arvostaa selkeää koodia, koodikatselmointeja ja pieniä, usein tehtäviä julkaisuja.",
            "Odotamme sinulta:",
        ]
        var requirements = skills.prefix(3).map { "- Kokemusta: \($0)" }
        if skills.count > 3 { requirements.append("- Plussaa: \(skills.dropFirst(3).joined(separator: ", "))") }
        if let years { requirements.append("- Vähintään \(years) vuoden kokemus ohjelmistokehityksestä") }
        requirements.append("- Hyvä suomen kielen taito ja sujuva englanti")
        body.append(requirements.joined(separator: "\n"))
        if let nice { body.append("Eduksi katsotaan kokemus: \(nice).") }
        body.append("Tarjoamme joustavat työajat, hybridimallin, koulutusbudjetin ja kattavan työterveyshuollon.")
        return body
    }

    /// Lower-case ASCII letters and digits, dashes between words (ä → a, ö → o).
    static func slugify(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            let folded: Character
            switch character {
            case "ä", "å": folded = "a"
            case "ö": folded = "o"
            case "#": folded = "s"
            case "+": folded = "p"
            default: folded = character
            }
            if folded.isASCII && (folded.isLetter || folded.isNumber) {
                slug.append(folded)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }
}
