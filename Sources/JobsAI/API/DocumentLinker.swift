import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Makes a time-limited download link for a stored document.
public protocol DocumentLinking: Sendable {
    /// A URL that downloads `document` under its file name for `seconds` seconds.
    func link(for document: StoredDocument, expiresIn seconds: Int) throws(DocumentLinkError) -> String
}

/// Why a link could not be made.
public struct DocumentLinkError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// `Content-Type` and `Content-Disposition` values for downloads (RFC 6266 with RFC 5987 `filename*`).
public enum ContentDisposition {
    /// The Word document type.
    public static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// The type of a stored document by its extension: `.docx` or `.zip`.
    public static func contentType(for fileName: String) -> String {
        fileName.lowercased().hasSuffix(".zip") ? "application/zip" : docx
    }

    /// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>`.
    public static func attachment(fileName: String) -> String {
        AttachmentDisposition.header(fileName: fileName)
    }
}
