#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Uploads a job's letters and their zip under `documents/{job_id}/`, each with its content type.
/// Either every document is stored or the upload fails as a whole, so names and keys never drift apart.
public struct LetterUploader: Sendable {
    /// Content type of a .docx file.
    public static let docxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    /// Content type of the zip.
    public static let zipContentType = "application/zip"

    private let store: any DocumentStore

    public init(store: any DocumentStore) {
        self.store = store
    }

    /// The key of one document of a job.
    public static func key(jobID: String, fileName: String) -> String { "documents/\(jobID)/\(fileName)" }

    /// Uploads every letter and the zip (concurrently) and returns what was stored, in letter order.
    /// Throws `DocumentStoreError`, or `CancellationError` when the task is cancelled.
    public func upload(_ bundle: LetterBundle, jobID: String) async throws -> (
        letters: [StoredDocument], bundle: StoredDocument
    ) {
        var items = bundle.files.map { (name: $0.name, data: $0.data, type: Self.docxContentType) }
        items.append((LetterFileNames.bundleName, bundle.zip, Self.zipContentType))
        let store = self.store
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for item in items {
                    group.addTask {
                        try await store.put(
                            key: Self.key(jobID: jobID, fileName: item.name), data: item.data, contentType: item.type,
                            fileName: item.name)
                    }
                }
                try await group.waitForAll()
            }
        } catch let error as DocumentStoreError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw DocumentStoreError(key: Self.key(jobID: jobID, fileName: "*"), reason: String(describing: error))
        }
        let letters = bundle.files.map {
            StoredDocument(fileName: $0.name, key: Self.key(jobID: jobID, fileName: $0.name))
        }
        let zip = StoredDocument(
            fileName: LetterFileNames.bundleName, key: Self.key(jobID: jobID, fileName: LetterFileNames.bundleName))
        return (letters, zip)
    }
}
