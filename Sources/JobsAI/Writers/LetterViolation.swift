/// One broken letter rule, with words a writer (or a model, when re-asked) can act on.
public struct LetterViolation: Sendable, Hashable, CustomStringConvertible {
    /// The rules a letter must keep.
    public enum Rule: String, Sendable, Hashable, CaseIterable, Codable {
        /// `[Your Name]`, `{{company}}` and the like.
        case placeholder
        /// Claims to lack a skill the candidate has, or names a gap the ad does not ask for.
        case inventedGap
        /// Names more than one gap.
        case repeatedGap
        /// Claims a skill the candidate never gave.
        case claimedSkill
        /// States more years than the candidate's answers allow.
        case yearsBeyond
        /// Quotes a piece of a sentence.
        case fragmentQuote
        /// Repeats the candidate's own description word for word.
        case pastedDescription
        /// Repeats a long run of the ad outside a quote.
        case pastedAd
        /// Names the company more than twice.
        case companyRepeated
        /// Uses a questionnaire label or slider caption ("Linux (non-WSL)", "> 3.0").
        case questionnaireLabel
        /// A sentence in the other language.
        case wrongLanguage
        /// A sign-off with no name under it.
        case danglingSignOff
        /// Enthusiasm for a kind of role the candidate ruled out.
        case excludedEnthusiasm
    }

    public let rule: Rule
    /// What exactly is wrong, quoting the letter.
    public let detail: String

    public init(_ rule: Rule, _ detail: String) {
        self.rule = rule
        self.detail = detail
    }

    public var description: String { "\(rule.rawValue): \(detail)" }
}
