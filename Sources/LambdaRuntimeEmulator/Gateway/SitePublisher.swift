import Foundation
import LocalS3

/// Uploads a site directory into a LocalS3 bucket configured for website hosting, replacing what was
/// there: every regular file becomes an object under its relative path, objects no longer in the directory
/// are deleted, and the website configuration names `index.html` and the error document.
public enum SitePublisher {
    /// The bucket used when the template names no website bucket.
    public static let defaultBucket = "jobsai-site"
    /// The index document of every directory.
    public static let indexDocument = "index.html"
    /// The error document, when the directory has one; otherwise misses get the index document.
    public static let errorDocument = "error.html"

    /// What a publication did.
    public struct Summary: Sendable, Equatable {
        public var uploaded: [String]
        public var deleted: [String]
    }

    /// Publishes `directory` into `bucket`, creating the bucket when missing.
    @discardableResult
    public static func publish(directory: URL, bucket: String, store: FileStore, now: Date = Date()) async throws
        -> Summary
    {
        let files = try siteFiles(in: directory)
        if !store.bucketExists(bucket) { _ = try store.createBucket(bucket, now: now) }
        let hasErrorDocument = files.contains(errorDocument)
        try store.updateBucketConfiguration(bucket) { configuration in
            configuration.website = WebsiteConfiguration(
                indexSuffix: indexDocument, errorDocumentKey: hasErrorDocument ? errorDocument : indexDocument)
        }
        for file in files {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            try await store.putObject(
                bucket: bucket, key: ObjectKey(file), data: Array(data),
                headers: StoredHeaders(contentType: SiteContentTypes.forFile(file), cacheControl: "no-cache"),
                now: now)
        }
        let wanted = Set(files)
        var stale: [ObjectKey] = []
        try store.walkKeys(bucket: bucket, prefix: [], after: nil) { key in
            if !wanted.contains(key.description) { stale.append(key) }
            return true
        }
        for key in stale { try store.deleteObject(bucket: bucket, key: key) }
        return Summary(uploaded: files, deleted: stale.map(\.description))
    }

    /// The regular files under `directory` as sorted relative paths, hidden files and folders left out.
    static func siteFiles(in directory: URL) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path
        var files: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                var childIsDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &childIsDirectory) else {
                    continue
                }
                if childIsDirectory.boolValue { pending.append(path) } else { files.append(path) }
            }
        }
        return files.sorted()
    }
}
