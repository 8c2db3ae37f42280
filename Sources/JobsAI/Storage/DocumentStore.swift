#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why a document could not be stored, in words a person can act on.
public struct DocumentStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The object key that failed.
    public let key: String
    /// The cause.
    public let reason: String

    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String { "could not store \(key): \(reason)" }
}

/// Where finished documents go (S3 in production, memory in tests).
public protocol DocumentStore: Sendable {
    /// Stores one object under `key` with its content type; `fileName` is the name a download should get.
    func put(key: String, data: Data, contentType: String, fileName: String) async throws(DocumentStoreError)
}
