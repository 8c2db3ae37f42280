import BuildingBlocks
import CurlHTTP
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes letters with any OpenAI-compatible chat completions server: prompts from resource files,
/// structured JSON output validated and re-asked once when unusable, retries with backoff for 429/5xx.
/// It only ever sends a `LetterPlan`, which holds no contact details.
public struct OpenAIWriter: Writer {
    private let client: ChatCompletionsClient
    private let prompts: PromptLibrary

    public init(
        configuration: OpenAIConfiguration, http: any HTTPExecuting, prompts: PromptLibrary,
        clock: any WallClock = SystemWallClock()
    ) {
        client = ChatCompletionsClient(configuration: configuration, http: http, clock: clock)
        self.prompts = prompts
    }

    public var name: String { client.configuration.model }

    public func write(_ plan: LetterPlan) async throws -> Letter {
        let (system, user) = prompts.messages(for: plan)
        return try await complete(
            plan, [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)])
    }

    /// Asks again with the previous letter and the rules it broke.
    public func revise(_ plan: LetterPlan, previous: Letter, problems: [String]) async throws -> Letter {
        let (system, user) = prompts.messages(for: plan)
        let problem =
            "it broke these letter rules:\n" + problems.map { "- " + $0 }.joined(separator: "\n")
        return try await complete(
            plan,
            [
                ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user),
                ChatMessage(role: "assistant", content: LetterOutput(letter: previous).json()),
                ChatMessage(role: "user", content: PromptLibrary.fill(prompts.repair, ["problem": problem])),
            ])
    }

    private func complete(_ plan: LetterPlan, _ start: [ChatMessage]) async throws -> Letter {
        var messages = start
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
            closing: output.closing, writer: name, language: plan.language)
    }
}
