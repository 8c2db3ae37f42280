import BuildingBlocks
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The letter prompts, kept as text files (`Resources/Prompts`) so they can be read and changed without
/// touching code.
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

    /// Reads the prompts, compiled into the binary from `Resources/Prompts` (SwiftPM's `embedInCode`), so no
    /// resource bundle has to travel beside the executable.
    public static func bundled() throws -> PromptLibrary {
        func read(_ name: String, _ bytes: [UInt8]) throws -> String {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw OpenAIWriterError.configuration("the prompt file \(name) is not UTF-8")
            }
            return text
        }
        var tones: [LetterStyle: String] = [:]
        for line in try read("styles.txt", PackageResources.styles_txt).split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let style = LetterStyle(rawValue: String(parts[0])) else { continue }
            tones[style] = parts[1].trimmingWhitespaces()
        }
        return PromptLibrary(
            system: try read("letter-system.txt", PackageResources.letter_system_txt),
            user: try read("letter-user.txt", PackageResources.letter_user_txt),
            repair: try read("letter-repair.txt", PackageResources.letter_repair_txt), tones: tones)
    }

    /// Replaces every `{{name}}` of the template with its value in one pass over the template: text that
    /// comes in through a value (an ad mentioning `{{skills}}`) is never expanded; unknown names stay as written.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var text = ""
        var rest = template[...]
        while let open = rest.firstRange(of: "{{") {
            text += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = String(rest[open.upperBound..<close.lowerBound])
            text += values[name] ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return text + rest
    }

    /// Text from an ad as a quoted JSON string, so it reads as data: quotes and line breaks escaped.
    static func quoted(_ text: String) -> String { JSONText.quote(text) }

    /// "Python (over three years)": the slider's meaning in words, never its caption.
    static func withYears(_ name: String, _ level: Int) -> String {
        "\(name) (\(ExperienceScale.meanings[min(max(level, 0), ExperienceScale.maximum)]))"
    }

    /// The two messages for one plan. Nothing from "About you" exists in a plan, so none can be sent.
    public func messages(for plan: LetterPlan) -> (system: String, user: String) {
        let styles = plan.styles.isEmpty ? [LetterStyle.professional] : plan.styles
        let tone = styles.map { tones[$0] ?? $0.rawValue }.joined(separator: " Blend that with: ")
        let listing = plan.listing
        let ad = listing.description.isEmpty ? "(only the title is known)" : String(listing.description.prefix(2500))
        let gaps = plan.requiredGaps
        let values: [String: String] = [
            "title": Self.quoted(listing.title), "company": Self.quoted(listing.company),
            "location": listing.location.isEmpty ? "not stated" : Self.quoted(listing.location),
            "level": plan.detectedLevel.map(\.rawValue) ?? "not stated",
            "requirements": plan.requirements.isEmpty
                ? "(none quoted)" : plan.requirements.map { "- " + Self.quoted($0) }.joined(separator: "\n"),
            "ad": Self.quoted(ad),
            "matched": plan.matchedSkills.isEmpty
                ? "none named in the ad"
                : plan.matchedSkills.map { Self.withYears(SkillNames.display($0.name), $0.level) }.joined(
                    separator: ", "),
            "missing": gaps.isEmpty ? "none" : gaps.prefix(3).joined(separator: ", "),
            "skills": plan.profile.skills.prefix(12).map { Self.withYears(SkillNames.display($0.name), $0.level) }
                .joined(separator: ", "),
            "levels": plan.profile.jobLevels.map(\.rawValue).joined(separator: ", "),
            "description": plan.profile.description.isEmpty ? "(nothing written)" : plan.profile.description,
        ]
        let language = plan.language == .finnish ? "Finnish (natural, idiomatic Finnish)" : "English"
        return (Self.fill(system, ["tone": tone, "language": language]), Self.fill(user, values))
    }
}
