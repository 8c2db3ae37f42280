import Foundation
import JobsAI

/// The letter prompts, kept as resource files (`Resources/Prompts`) so they can be read and changed
/// without touching code.
public struct PromptLibrary: Sendable, Hashable {
    /// The system message, with `{{tone}}`.
    public let system: String
    /// The user message, with the job's and candidate's fields.
    public let user: String
    /// The follow-up sent once when an answer was unusable, with `{{problem}}`.
    public let repair: String
    /// One tone line per style.
    public let tones: [LetterStyle: String]

    public init(system: String, user: String, repair: String, tones: [LetterStyle: String]) {
        self.system = system
        self.user = user
        self.repair = repair
        self.tones = tones
    }

    /// Reads the prompts from the package's resource bundle (beside the executable when deployed).
    public static func bundled() throws -> PromptLibrary {
        guard let folder = Bundle.module.url(forResource: "Prompts", withExtension: nil) else {
            throw OpenAIWriterError.configuration("the prompt files (Resources/Prompts) are missing")
        }
        func read(_ name: String) throws -> String {
            do {
                return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            } catch {
                throw OpenAIWriterError.configuration("the prompt file \(name) could not be read")
            }
        }
        var tones: [LetterStyle: String] = [:]
        for line in try read("styles.txt").split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let style = LetterStyle(rawValue: String(parts[0])) else { continue }
            tones[style] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return PromptLibrary(
            system: try read("letter-system.txt"), user: try read("letter-user.txt"),
            repair: try read("letter-repair.txt"), tones: tones)
    }

    /// Replaces every `{{name}}` with its value.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (name, value) in values { text = text.replacingOccurrences(of: "{{\(name)}}", with: value) }
        return text
    }

    /// The two messages for one plan. Nothing from "About you" exists in a plan, so none can be sent.
    func messages(for plan: LetterPlan) -> (system: String, user: String) {
        let styles = plan.styles.isEmpty ? [LetterStyle.professional] : plan.styles
        let tone = styles.map { tones[$0] ?? $0.rawValue }.joined(separator: " Blend that with: ")
        let listing = plan.listing
        let ad = listing.description.isEmpty ? "(only the title is known)" : String(listing.description.prefix(2500))
        let values: [String: String] = [
            "title": listing.title, "company": listing.company,
            "location": listing.location.isEmpty ? "not stated" : listing.location,
            "level": plan.detectedLevel.map(\.rawValue) ?? "not stated",
            "requirements": plan.requirements.isEmpty
                ? "(none quoted)" : plan.requirements.map { "- \($0)" }.joined(separator: "\n"),
            "ad": ad,
            "matched": plan.matchedSkills.isEmpty
                ? "none named in the ad"
                : plan.matchedSkills.map { "\($0.name) (\(ExperienceScale.caption($0.level)) years)" }.joined(
                    separator: ", "),
            "missing": plan.missingSkills.isEmpty ? "none" : plan.missingSkills.prefix(5).joined(separator: ", "),
            "skills": plan.profile.skills.prefix(10).map { "\($0.name) (\(ExperienceScale.caption($0.level)) years)" }
                .joined(separator: ", "),
            "levels": plan.profile.jobLevels.map(\.rawValue).joined(separator: ", "),
            "description": plan.profile.description.isEmpty ? "(nothing written)" : plan.profile.description,
        ]
        return (Self.fill(system, ["tone": tone]), Self.fill(user, values))
    }
}
