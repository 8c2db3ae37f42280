import Foundation
import JobsAI
import JobsAIAWS
import JobsAILive
import JobsAITestSupport
import Testing
import ZIPFoundation

@Suite struct DocumentTests {
    static let date = Date(timeIntervalSince1970: 1_764_158_400)  // 2025-11-26 12:00 UTC
    static let letter = Letter(
        company: "Koodi & Co Oy", title: "Backend Developer <Python>", salutation: "Dear Koodi & Co Oy hiring team,",
        paragraphs: ["First paragraph about Python.", "Second paragraph about the team.", "Thank you."],
        closing: "Kind regards,", writer: "offline")
    static let about = AboutYou(
        name: "Aino Virtanen", email: "aino@example.com", phone: "+358 40 123 4567", links: ["https://aino.dev"],
        city: "Tampere")

    static func entries(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    @Test func docxHasEveryPartAndTheLetterText() throws {
        let data = try LetterDocx(letter: Self.letter, aboutYou: Self.about, date: Self.date).data()
        let parts = try Self.entries(data)
        #expect(
            Set(parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/settings.xml", "docProps/core.xml", "docProps/app.xml",
            ])
        let document = try #require(parts["word/document.xml"])
        #expect(document.contains("Koodi &amp; Co Oy"))
        #expect(document.contains("Application: Backend Developer &lt;Python&gt;"))
        #expect(document.contains("<w:t xml:space=\"preserve\">Second paragraph about the team.</w:t>"))
        #expect(document.components(separatedBy: "<w:pStyle w:val=\"BodyText\"/>").count - 1 == 4)
        #expect(document.contains("26 November 2025"))
        #expect(
            document.contains("Aino Virtanen") && document.contains("aino@example.com") && document.contains("Tampere"))
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(document.contains("w:left=\"1440\""))
        #expect(try #require(parts["word/styles.xml"]).contains("w:ascii=\"Calibri\""))
        let core = try #require(parts["docProps/core.xml"])
        #expect(
            core.contains("<dc:title>Cover letter: Backend Developer &lt;Python&gt; at Koodi &amp; Co Oy</dc:title>"))
        #expect(core.contains("<dc:creator>Aino Virtanen</dc:creator>"))
        #expect(core.contains("2025-11-26T12:00:00Z"))
        #expect(core.contains("offline writer"))
    }

    @Test func withoutAboutYouThereIsNoHeaderOrSignature() throws {
        let document = try #require(
            try Self.entries(LetterDocx(letter: Self.letter, aboutYou: nil, date: Self.date).data())[
                "word/document.xml"])
        #expect(!document.contains("SenderName") && !document.contains("Signature"))
        #expect(document.contains("Kind regards,"))
    }

    @Test func fileNamesAreSafeAndUnique() {
        var names = LetterFileNames()
        #expect(
            names.next(company: "Äänekosken Sähkö Oy", title: "C# / .NET Developer")
                == "aanekosken-sahko-oy-c-net-developer-cover-letter.docx")
        #expect(names.next(company: "../../etc", title: "passwd\u{0}") == "etc-passwd-cover-letter.docx")
        #expect(names.next(company: "", title: "  ") == "company-job-cover-letter.docx")
        let first = names.next(company: "Koodi Oy", title: "Developer")
        let second = names.next(company: "koodi oy", title: "developer")
        let third = names.next(company: "Koodi Oy", title: "Developer")
        #expect(first == "koodi-oy-developer-cover-letter.docx")
        #expect(second == "koodi-oy-developer-cover-letter-2.docx")
        #expect(third == "koodi-oy-developer-cover-letter-3.docx")
        let long = names.next(company: String(repeating: "a", count: 300), title: String(repeating: "b", count: 300))
        #expect(long.count <= 40 + 60 + "--cover-letter.docx".count)
    }

    @Test func bundleZipsEveryLetter() throws {
        let other = Letter(
            company: "Pixel Ab", title: "Frontend Engineer", salutation: "Hello Pixel Ab team,", paragraphs: ["Hi."],
            closing: "Warm regards,", writer: "offline")
        let bundle = try LetterBundle(letters: [Self.letter, other, Self.letter], aboutYou: nil, date: Self.date)
        #expect(
            bundle.files.map(\.name) == [
                "koodi-co-oy-backend-developer-python-cover-letter.docx",
                "pixel-ab-frontend-engineer-cover-letter.docx",
                "koodi-co-oy-backend-developer-python-cover-letter-2.docx",
            ])
        let archive = try Archive(data: bundle.zip, accessMode: .read)
        #expect(archive.map(\.path) == bundle.files.map(\.name))
        let inner = try Self.entries(bundle.files[1].data)
        #expect(inner["word/document.xml"]?.contains("Frontend Engineer") == true)
    }

    /// Writes a sample letter for Tests/Interop/docx/test_docx.py, which opens it with python-docx.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["JOBSAI_DOCX_SAMPLE_PATH"] != nil))
    func writeInteropSample() async throws {
        let path = try #require(ProcessInfo.processInfo.environment["JOBSAI_DOCX_SAMPLE_PATH"])
        let profile = OfflineWriterTests.profile
        let scored = ListingScorer(profile: profile, now: Self.date).score(OfflineWriterTests.backend)
        let letter = try await OfflineWriter().write(
            LetterPlan(scored: scored, profile: profile, styles: [.professional]))
        try LetterDocx(letter: letter, aboutYou: Self.about, date: Self.date).data().write(
            to: URL(fileURLWithPath: path))
        // A Finnish letter with no "About you": no name, so no sign-off line either.
        let finnish = try await OfflineWriter().write(
            LetterPlan(scored: scored, profile: profile, styles: [.friendly], language: .finnish, signed: false))
        try LetterDocx(letter: finnish, aboutYou: nil, date: Self.date).data().write(
            to: URL(fileURLWithPath: path + "-fi.docx"))
        // Both letters in one bundle, as a job stores them.
        try LetterBundle(letters: [letter, finnish], aboutYou: Self.about, date: Self.date).zip.write(
            to: URL(fileURLWithPath: path + "-bundle.zip"))
    }
}
