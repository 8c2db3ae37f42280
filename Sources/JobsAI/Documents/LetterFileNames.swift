import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Names letters `{company}-{title}-cover-letter.docx`: lower-case ASCII letters, digits and dashes only, each part
/// bounded, and unique within one job (`-2`, `-3` before the extension when names repeat).
public struct LetterFileNames: Sendable {
    /// The bundle of all letters.
    public static let bundleName = "cover-letters.zip"
    private var used: Set<String> = []

    public init() {}

    /// A new safe, unique name.
    public mutating func next(company: String, title: String) -> String {
        let stem =
            "\(Self.safe(company, fallback: "company", limit: 40))-\(Self.safe(title, fallback: "job", limit: 60))-cover-letter"
        var name = stem + ".docx"
        var counter = 2
        while used.contains(name.lowercased()) {
            name = "\(stem)-\(counter).docx"
            counter += 1
        }
        used.insert(name.lowercased())
        return name
    }

    /// Lower-cased, diacritics folded (ä to a), every other run of non-alphanumerics one dash, trimmed and bounded.
    static func safe(_ text: String, fallback: String, limit: Int) -> String {
        let folded = DiacriticFolding.fold(text)
        var result = ""
        for scalar in folded.unicodeScalars {
            if ScalarClass.isASCIIAlphanumeric(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result += "-"
            }
            if result.count >= limit { break }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? fallback : result
    }
}
