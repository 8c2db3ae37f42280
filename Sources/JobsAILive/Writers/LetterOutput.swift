import BuildingBlocks
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The structured answer a model must give: read as JSON and checked before it becomes a `Letter`.
struct LetterOutput: Decodable, Sendable, Equatable {
    var salutation: String
    var paragraphs: [String]
    var closing: String

    init(salutation: String, paragraphs: [String], closing: String) {
        self.salutation = salutation
        self.paragraphs = paragraphs
        self.closing = closing
    }

    /// The output a letter was written from.
    init(letter: Letter) {
        self.init(salutation: letter.salutation, paragraphs: letter.paragraphs, closing: letter.closing)
    }

    /// The JSON object the model answers with.
    func json() -> String {
        JSONValue.object([
            "salutation": .string(salutation), "paragraphs": .array(paragraphs.map(JSONValue.string)),
            "closing": .string(closing),
        ]).sortedCompactText
    }

    /// Reads and validates an answer; the error says what to fix, for the one re-ask.
    static func parse(_ content: String, company: String) throws(OpenAIWriterError) -> LetterOutput {
        let text = unfenced(content)
        let output: LetterOutput
        do {
            output = try JSONDecoder().decode(LetterOutput.self, from: Data(text.utf8))
        } catch {
            throw .invalidOutput(
                "it was not a JSON object with \"salutation\" (string), \"paragraphs\" (array of strings) and "
                    + "\"closing\" (string) (\(DecodingProblem.describe(error)))")
        }
        var cleaned = output
        cleaned.salutation = output.salutation.trimmingWhitespacesAndNewlines()
        cleaned.closing = output.closing.trimmingWhitespacesAndNewlines()
        cleaned.paragraphs = output.paragraphs.map { $0.trimmingWhitespacesAndNewlines() }
            .filter { !$0.isEmpty }
        try cleaned.validate(company: company)
        return cleaned
    }

    func validate(company: String) throws(OpenAIWriterError) {
        guard !salutation.isEmpty, salutation.count <= 120 else {
            throw .invalidOutput("the salutation must be one short line")
        }
        guard (2...6).contains(paragraphs.count) else {
            throw .invalidOutput("the letter must have 3 to 5 body paragraphs, it had \(paragraphs.count)")
        }
        guard paragraphs.allSatisfy({ $0.count <= 1500 }) else {
            throw .invalidOutput("a paragraph was longer than 1500 characters")
        }
        guard !closing.isEmpty, closing.count <= 60 else {
            throw .invalidOutput("the closing must be a short sign-off line such as \"Kind regards,\"")
        }
        let all = ([salutation, closing] + paragraphs).joined(separator: "\n")
        if let placeholder = Self.placeholder(in: all) {
            throw .invalidOutput("it contains the placeholder \(placeholder)")
        }
        if !company.isEmpty, !all.lowercased().contains(company.lowercased()) {
            throw .invalidOutput("it never names the company, \(company)")
        }
    }

    /// `[Your Name]`-style placeholders.
    static func placeholder(in text: String) -> String? {
        var searchStart = text.startIndex
        while let open = text[searchStart...].firstIndex(of: "[") {
            guard let close = text[open...].firstIndex(of: "]") else { return nil }
            let inner = text[text.index(after: open)..<close]
            if let first = inner.first, first.isUppercase, inner.count <= 40 { return String(text[open...close]) }
            searchStart = text.index(after: open)
        }
        return nil
    }

    /// The JSON inside a ```json fence, or the text from its first `{` to its last `}`.
    static func unfenced(_ content: String) -> String {
        guard let open = content.firstIndex(of: "{"), let close = content.lastIndex(of: "}"), open < close else {
            return content
        }
        return String(content[open...close])
    }
}
