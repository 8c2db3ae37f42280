import AWSClients
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Stores documents in an S3 bucket (`S3_DOCUMENTS_BUCKET`) with their content type and a download name.
public struct S3DocumentStore: DocumentStore {
    private let client: S3Client
    /// The bucket.
    public let bucket: String

    public init(client: S3Client, bucket: String) {
        self.client = client
        self.bucket = bucket
    }

    public func put(key: String, data: Data, contentType: String, fileName: String) async throws(DocumentStoreError) {
        do {
            try await client.putObject(
                bucket: bucket, key: key, body: .data(data), contentType: contentType,
                contentDisposition: "attachment; filename=\"\(fileName)\"")
        } catch {
            throw DocumentStoreError(key: "s3://\(bucket)/\(key)", reason: error.description)
        }
    }
}
