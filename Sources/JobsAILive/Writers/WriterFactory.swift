import BuildingBlocks
import CurlHTTP
import JobsAI

/// Chooses the writer from `LLM_PROVIDER`: `offline` (the default) or `openai`.
public enum WriterFactory {
    public static func make(
        environment: [String: String], http: any HTTPExecuting, clock: any WallClock = SystemWallClock()
    ) throws -> any Writer {
        let provider = (EnvironmentVariables(environment).text("LLM_PROVIDER") ?? "offline").lowercased()
        switch provider {
        case "", "offline":
            return OfflineWriter()
        case "openai":
            return OpenAIWriter(
                configuration: try OpenAIConfiguration.fromEnvironment(environment), http: http,
                prompts: try PromptLibrary.bundled(), clock: clock)
        default:
            throw OpenAIWriterError.configuration("LLM_PROVIDER must be offline or openai, not \(provider)")
        }
    }
}
