#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why a document could not be built.
public enum DocumentError: Error, Sendable, Equatable {
    /// The zip writer refused an entry.
    case packaging(String)
}

/// Turns a `Letter` into a real Word document: the candidate's header from "About you" (when given),
/// the date, the company and role, the salutation, one Word paragraph per body paragraph, the closing
/// and the name; styles, fonts, A4 page and margins, and core properties set.
public struct LetterDocx: Sendable {
    /// The letter.
    public let letter: Letter
    /// Contact details for the header and signature.
    public let aboutYou: AboutYou?
    /// The letter's date (also the document's creation time).
    public let date: Date

    public init(letter: Letter, aboutYou: AboutYou?, date: Date) {
        self.letter = letter
        self.aboutYou = aboutYou
        self.date = date
    }

    /// The .docx bytes.
    public func data() throws(DocumentError) -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", DocxParts.contentTypes),
            ("_rels/.rels", DocxParts.packageRelationships),
            ("word/document.xml", documentXML()),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships),
            ("word/styles.xml", DocxParts.styles),
            ("word/settings.xml", DocxParts.settings),
            ("docProps/core.xml", coreXML()),
            ("docProps/app.xml", DocxParts.app),
        ]
        return try ZipBuilder.zip(parts.map { ($0.0, Data($0.1.utf8)) }, date: date)
    }

    /// The date as the letter prints it in Finnish time: `26 November 2026`, or `26.11.2026` in a Finnish letter.
    /// No host time-zone or locale data is used (Lambda's images may have none).
    public var printedDate: String {
        let time = CivilTime.helsinki(date)
        return letter.language == .finnish ? time.numeric : time.englishLong
    }

    func documentXML() -> String {
        var body = ""
        if let about = aboutYou {
            if let name = about.name { body += paragraph(name, style: "SenderName") }
            let details = [about.city, about.phone, about.email].compactMap { $0 } + about.links
            if !details.isEmpty { body += paragraph(lines: details, style: "SenderDetails") }
        }
        body += paragraph(printedDate, style: "LetterDate")
        body += paragraph(letter.company, style: "Recipient")
        let subject = letter.language == .finnish ? "Hakemus" : "Application"
        body += paragraph("\(subject): \(letter.title)", style: "Subject")
        body += paragraph(letter.salutation, style: "BodyText")
        for text in letter.paragraphs { body += paragraph(text, style: "BodyText") }
        if !letter.closing.isEmpty { body += paragraph(letter.closing, style: "Closing") }
        if let name = aboutYou?.name { body += paragraph(name, style: "Signature") }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)\
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
            <w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>\
            </w:sectPr></w:body></w:document>
            """
    }

    private func paragraph(_ text: String, style: String) -> String { paragraph(lines: [text], style: style) }

    /// One paragraph; several lines become runs separated by line breaks.
    private func paragraph(lines: [String], style: String) -> String {
        let runs = lines.map { "<w:t xml:space=\"preserve\">\(XMLText.escape($0))</w:t>" }.joined(separator: "<w:br/>")
        return "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr><w:r>\(runs)</w:r></w:p>"
    }

    func coreXML() -> String {
        DocxParts.core(
            title: "Cover letter: \(letter.title) at \(letter.company)", creator: aboutYou?.name ?? "JobsAI",
            description: "Written by JobsAI (\(letter.writer) writer)",
            keywords: "cover letter, \(letter.company), \(letter.writer)",
            created: date)
    }
}
