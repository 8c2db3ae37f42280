import BuildingBlocks
import CurlHTTP
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// One chat message.
struct ChatMessage: Codable, Sendable, Hashable {
    var role: String
    var content: String
}

/// Sends chat completions over CurlHTTP with a per-request timeout, and retries 429, 5xx and transport
/// failures with exponential backoff, honouring `Retry-After`.
struct ChatCompletionsClient: Sendable {
    let configuration: OpenAIConfiguration
    let http: any HTTPExecuting
    /// Waits between retries.
    let clock: any WallClock

    /// The `response_format` asking for the letter's JSON shape (structured outputs).
    static let letterFormat: JSONValue = .object([
        "type": .string("json_schema"),
        "json_schema": .object([
            "name": .string("cover_letter"), "strict": .bool(true),
            "schema": .object([
                "type": .string("object"), "additionalProperties": .bool(false),
                "required": .array([.string("salutation"), .string("paragraphs"), .string("closing")]),
                "properties": .object([
                    "salutation": .object(["type": .string("string")]),
                    "paragraphs": .object(["type": .string("array"), "items": .object(["type": .string("string")])]),
                    "closing": .object(["type": .string("string")]),
                ]),
            ]),
        ]),
    ])

    /// The request body.
    func body(_ messages: [ChatMessage]) -> JSONValue {
        .object([
            "model": .string(configuration.model),
            "messages": .array(
                messages.map { .object(["role": .string($0.role), "content": .string($0.content)]) }),
            "temperature": .number(configuration.temperature),
            "max_tokens": .number(Double(configuration.maxTokens)),
            "response_format": Self.letterFormat,
        ])
    }

    /// The assistant's content for the messages.
    func complete(_ messages: [ChatMessage]) async throws -> String {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        headers.add("Accept", "application/json")
        if !configuration.apiKey.isEmpty { headers.add("Authorization", "Bearer \(configuration.apiKey)") }
        let payload = try JSONEncoder().encode(body(messages))
        let request = HTTPRequest(
            method: .post, url: configuration.completionsURL, headers: headers, body: .data(payload),
            connectTimeout: .milliseconds(Int64(configuration.connectTimeout * 1000)),
            timeout: .milliseconds(Int64(configuration.requestTimeout * 1000)))
        let clock = self.clock
        return try await configuration.retryPolicy.run { delay in
            try await clock.sleep(for: delay)
        } _: { _ -> RetryPolicy.Decision<String, any Error> in
            try Task.checkCancellation()
            let response: HTTPResponse
            do {
                response = try await http.execute(request, into: .memory)
            } catch HTTPClientError.cancelled {
                throw CancellationError()
            } catch {
                return .retry(.failure(OpenAIWriterError.transport(String(describing: error))))
            }
            if response.status == 200 { return .finish(Result { try Self.content(of: response.body) }) }
            let error = OpenAIWriterError.httpStatus(response.status, Self.errorMessage(response.body))
            guard response.status == 429 || response.status >= 500 else { return .finish(.failure(error)) }
            return .retry(.failure(error), retryAfter: response.headers["Retry-After"])
        }
    }

    private struct Completion: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable {
                var content: String?
                var refusal: String?
            }
            var message: Message
        }
        var choices: [Choice]
    }

    static func content(of body: [UInt8]) throws(OpenAIWriterError) -> String {
        let completion: Completion
        do {
            completion = try JSONDecoder().decode(Completion.self, from: Data(body))
        } catch {
            throw .invalidOutput("the response was not a chat completion (\(DecodingProblem.describe(error)))")
        }
        guard let message = completion.choices.first?.message else {
            throw .invalidOutput("the response had no choices")
        }
        if let refusal = message.refusal, !refusal.isEmpty { throw .invalidOutput("the model refused: \(refusal)") }
        guard let content = message.content, !content.isEmpty else { throw .invalidOutput("the answer was empty") }
        return content
    }

    /// `error.message` of an OpenAI error body, else the start of the body.
    static func errorMessage(_ body: [UInt8]) -> String {
        struct Failure: Decodable {
            struct Detail: Decodable { var message: String? }
            var error: Detail?
        }
        // An error body in OpenAI's shape gives the message; any other body falls back to the status below.
        if let failure = try? JSONDecoder().decode(Failure.self, from: Data(body)), let message = failure.error?.message
        {
            return message
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return text.isEmpty ? "no details" : text
    }
}
