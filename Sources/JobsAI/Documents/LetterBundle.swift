#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One finished document.
public struct LetterFile: Sendable, Hashable {
    /// Safe, unique file name.
    public let name: String
    /// The .docx bytes.
    public let data: Data
}

/// All of a job's letters as documents, plus `cover-letters.zip` holding every one of them.
public struct LetterBundle: Sendable {
    /// The documents, in letter order.
    public let files: [LetterFile]
    /// The zip of all documents.
    public let zip: Data

    /// Builds the documents (the same header on each) and the zip.
    public init(letters: [Letter], aboutYou: AboutYou?, date: Date) throws(DocumentError) {
        var names = LetterFileNames()
        var files: [LetterFile] = []
        for letter in letters {
            let data = try LetterDocx(letter: letter, aboutYou: aboutYou, date: date).data()
            files.append(LetterFile(name: names.next(company: letter.company, title: letter.title), data: data))
        }
        self.files = files
        self.zip = try ZipBuilder.zip(files.map { ($0.name, $0.data) }, date: date)
    }
}
