/// A profile's technologies placed on the skill catalog: the standard catalog plus every typed-in technology it
/// lacks, and the highest slider level each catalog skill earns from the technologies that name or imply it.
/// The scorer and the letters' fact check both start from this.
struct ProfileSkillLevels {
    /// The standard catalog with the profile's unknown technologies added.
    private(set) var catalog = SkillCatalog.standard
    /// The highest level credited per catalog index.
    private(set) var levels: [Int: Int] = [:]

    /// Credits each technology's level to its own catalog skill and to the skills its key or set implies
    /// (`SkillSynonyms`), plus the names `alsoImplied` returns for it given those.
    init(profile: Profile, alsoImplied: (ProfileSkill, _ implied: [String]) -> [String] = { _, _ in [] }) {
        for skill in profile.skills {
            let index: Int
            if let key = skill.key, let known = catalog.index(forKey: key) {
                index = known
            } else if let known = catalog.index(forSpelling: skill.name) ?? catalog.index(forName: skill.name) {
                index = known
            } else {
                // A technology nobody listed: look for it by its own name, exactly cased when it is short.
                let spelling = skill.name.count <= 2 ? "!" + skill.name : skill.name
                index = catalog.add(name: skill.name, key: nil, aliases: [spelling])
            }
            credit(index, skill.level)
            var implied = skill.key.flatMap { SkillSynonyms.impliedByKey[$0] } ?? []
            implied += SkillSynonyms.impliedBySet[skill.set] ?? []
            implied += alsoImplied(skill, implied)
            for name in implied { credit(named: name, skill.level) }
        }
    }

    /// Raises the skill at `index` to at least `level`.
    mutating func credit(_ index: Int, _ level: Int) { levels[index] = max(levels[index] ?? 0, level) }

    /// Raises the catalog skill of this name to at least `level`; nothing when the catalog has no such name.
    mutating func credit(named name: String, _ level: Int) {
        if let index = catalog.index(forName: name) { credit(index, level) }
    }
}
