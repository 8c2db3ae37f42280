import BuildingBlocks
import JobsAI

/// Settings of the OpenAI-compatible writer, from `OPENAI_BASE_URL`, `OPENAI_API_KEY` and `OPENAI_MODEL`.
public struct OpenAIConfiguration: Sendable, Hashable {
    /// The API root, e.g. `https://api.openai.com/v1` (requests go to `{baseURL}/chat/completions`).
    public var baseURL: String
    /// Sent as a bearer token; may be empty for local servers.
    public var apiKey: String
    /// The model name.
    public var model: String
    /// Seconds one request may take.
    public var requestTimeout: Double
    /// Seconds to wait for a connection.
    public var connectTimeout: Double
    /// Tries per request for 429, 5xx and transport failures.
    public var attempts: Int
    /// The first backoff in seconds (doubled each retry) when the server gives no Retry-After.
    public var backoffBase: Double
    /// The longest single wait, also for Retry-After.
    public var maxBackoff: Double
    /// Sampling temperature.
    public var temperature: Double
    /// Upper bound on the answer's tokens.
    public var maxTokens: Int

    public init(
        baseURL: String = "https://api.openai.com/v1", apiKey: String, model: String = "gpt-4o-mini",
        requestTimeout: Double = 60, connectTimeout: Double = 10, attempts: Int = 4, backoffBase: Double = 1,
        maxBackoff: Double = 30, temperature: Double = 0.5, maxTokens: Int = 1200
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.apiKey = apiKey
        self.model = model
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.attempts = attempts
        self.backoffBase = backoffBase
        self.maxBackoff = maxBackoff
        self.temperature = temperature
        self.maxTokens = maxTokens
    }

    /// Reads the three variables; an API key is required unless the base URL is on this machine.
    public static func fromEnvironment(_ environment: [String: String]) throws(OpenAIWriterError)
        -> OpenAIConfiguration
    {
        let value = EnvironmentVariables(environment).text
        let base = value("OPENAI_BASE_URL") ?? "https://api.openai.com/v1"
        guard base.hasPrefix("http://") || base.hasPrefix("https://") else {
            throw .configuration("OPENAI_BASE_URL is not an http(s) URL: \(base)")
        }
        let local = base.contains("://127.0.0.1") || base.contains("://localhost") || base.contains("://[::1]")
        guard let key = value("OPENAI_API_KEY") ?? (local ? "" : nil) else {
            throw .configuration("OPENAI_API_KEY is not set")
        }
        return OpenAIConfiguration(baseURL: base, apiKey: key, model: value("OPENAI_MODEL") ?? "gpt-4o-mini")
    }

    /// `attempts`, doubling from `backoffBase` up to `maxBackoff`, no jitter (one client per worker).
    public var retryPolicy: RetryPolicy {
        RetryPolicy(
            maxAttempts: attempts, baseDelay: .milliseconds(Int64(backoffBase * 1000)),
            maxDelay: .milliseconds(Int64(maxBackoff * 1000)), growth: .exponential, random: nil)
    }

    /// The chat completions endpoint.
    public var completionsURL: String { baseURL + "/chat/completions" }
}
