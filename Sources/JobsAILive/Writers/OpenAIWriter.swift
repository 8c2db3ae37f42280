import CurlHTTP
import Foundation
import JobsAI

/// Writes letters with any OpenAI-compatible chat completions server: prompts from resource files,
/// structured JSON output validated and re-asked once when unusable, retries with backoff for 429/5xx.
/// It only ever sends a `LetterPlan`, which holds no contact details.
public struct OpenAIWriter: Writer {
    private let client: ChatCompletionsClient
    private let prompts: PromptLibrary

    public init(
        configuration: OpenAIConfiguration, http: any HTTPExecuting, prompts: PromptLibrary,
        sleeper: any Sleeper = TaskSleeper()
    ) {
        client = ChatCompletionsClient(configuration: configuration, http: http, sleeper: sleeper)
        self.prompts = prompts
    }

    public var name: String { client.configuration.model }

    public func write(_ plan: LetterPlan) async throws -> Letter {
        let (system, user) = prompts.messages(for: plan)
        var messages = [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)]
        let company = plan.listing.company
        let first = try await client.complete(messages)
        let output: LetterOutput
        do {
            output = try LetterOutput.parse(first, company: company)
        } catch {
            guard case .invalidOutput(let problem) = error else { throw error }
            messages.append(ChatMessage(role: "assistant", content: first))
            messages.append(
                ChatMessage(role: "user", content: PromptLibrary.fill(prompts.repair, ["problem": problem])))
            output = try LetterOutput.parse(try await client.complete(messages), company: company)
        }
        return Letter(
            company: company, title: plan.listing.title, salutation: output.salutation, paragraphs: output.paragraphs,
            closing: output.closing, writer: name)
    }
}
