import AWSClients
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Presigned S3 GET URLs with the document's content type and an RFC 6266 attachment disposition.
public struct S3DocumentLinker: DocumentLinking {
    let client: S3Client
    let bucket: String

    public init(client: S3Client, bucket: String) {
        self.client = client
        self.bucket = bucket
    }

    public func link(for document: StoredDocument, expiresIn seconds: Int) throws(DocumentLinkError) -> String {
        do {
            return try client.presignedGetURL(
                bucket: bucket, key: document.key, expires: seconds,
                responseContentType: ContentDisposition.contentType(for: document.fileName),
                responseContentDisposition: ContentDisposition.attachment(fileName: document.fileName))
        } catch {
            throw DocumentLinkError("cannot sign a link for \(document.fileName): \(error)")
        }
    }
}
