import JobsAI

/// Why the OpenAI-compatible writer could not produce a letter, in words a person can act on.
public enum OpenAIWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Missing or unusable settings.
    case configuration(String)
    /// The server answered with an error status (after retries where they make sense).
    case httpStatus(Int, String)
    /// No answer: refused, timed out, DNS.
    case transport(String)
    /// The answer was not a usable letter, twice.
    case invalidOutput(String)

    public var description: String {
        switch self {
        case .configuration(let reason): return "the writing service is not configured: \(reason)"
        case .httpStatus(401, let message), .httpStatus(403, let message):
            return "the writing service refused the API key (\(message)); check OPENAI_API_KEY"
        case .httpStatus(429, let message):
            return "the writing service is rate limiting us and kept refusing after retries (\(message))"
        case .httpStatus(let status, let message):
            return "the writing service answered HTTP \(status) (\(message))"
        case .transport(let reason): return "the writing service could not be reached (\(reason))"
        case .invalidOutput(let reason): return "the writing service's answer was not a usable letter (\(reason))"
        }
    }
}
