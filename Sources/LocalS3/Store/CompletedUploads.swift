import AWSSignature
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a completed multipart upload answered, kept for a while so a retried CompleteMultipartUpload
/// (an SDK retry after a lost response) gets the same success instead of NoSuchUpload.
struct CompletedUpload: Codable, Sendable {
    var keyHex: String
    var completedMilliseconds: Int64
    var metadata: ObjectMetadata

    var key: ObjectKey { ObjectKey(bytes: Hex.decode(keyHex) ?? []) }
    var completed: Date { Date(timeIntervalSince1970: Double(completedMilliseconds) / 1000) }
}

extension FileStore {
    /// How long a completed upload's answer is kept for retries.
    static let completedUploadRetention: TimeInterval = 24 * 3600

    func completedPath(_ bucket: String, _ uploadID: String) -> String {
        uploadPath(bucket, uploadID) + "/completed.json"
    }

    /// The answer of an upload completed earlier, nil when there is none.
    func completedUpload(bucket: String, uploadID: String) throws -> CompletedUpload? {
        guard Self.isWellFormedUploadID(uploadID),
            let data = FileManager.default.contents(atPath: completedPath(bucket, uploadID))
        else { return nil }
        do {
            return try JSONDecoder().decode(CompletedUpload.self, from: data)
        } catch {
            throw StoreIOError.corruptObject(path: completedPath(bucket, uploadID))
        }
    }

    /// After the object is published: records the answer, then drops the upload record and its parts.
    /// A crash in between leaves the upload in progress, and completing it again publishes the same bytes.
    func finishUpload(bucket: String, uploadID: String, key: ObjectKey, metadata: ObjectMetadata, now: Date) throws {
        let record = CompletedUpload(
            keyHex: key.hex, completedMilliseconds: Int64(now.timeIntervalSince1970 * 1000), metadata: metadata)
        try writeJSON(record, to: completedPath(bucket, uploadID))
        let directory = uploadPath(bucket, uploadID)
        try FileSystem.removeFile(directory + "/upload.json")
        for name in try FileSystem.entries(directory) where name.hasSuffix(".part") {
            try FileSystem.removeFile(directory + "/" + name)
        }
    }

    /// Removes the answers of uploads completed before `cutoff`; returns how many.
    @discardableResult
    func pruneCompletedUploads(bucket: String, before cutoff: Date) throws -> Int {
        var removed = 0
        for id in try FileSystem.entries(uploadsPath(bucket)) {
            guard let completed = try completedUpload(bucket: bucket, uploadID: id), completed.completed < cutoff
            else { continue }
            let graveyard = tmp + "/" + UUID().uuidString.lowercased() + ".completed"
            try FileSystem.rename(uploadPath(bucket, id), graveyard)
            try FileSystem.removeTree(graveyard)
            removed += 1
        }
        return removed
    }
}
