import Foundation
import JobsAI

/// Keeps documents in memory; for tests and one-process runs.
public actor InMemoryDocumentStore: DocumentStore {
    /// One stored object.
    public struct Object: Sendable, Hashable {
        public let data: Data
        public let contentType: String
        public let fileName: String
    }

    /// Everything stored, by key.
    public private(set) var objects: [String: Object] = [:]

    public init() {}

    public func put(key: String, data: Data, contentType: String, fileName: String) {
        objects[key] = Object(data: data, contentType: contentType, fileName: fileName)
    }
}
