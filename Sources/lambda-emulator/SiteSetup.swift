import ArgumentParser
import Foundation
import LambdaRuntimeEmulator
import LocalS3
import Logging

/// `serve --site DIR`: publishes the site directory into LocalS3's website bucket at start, for the gateway
/// to serve every path outside `/api`.
enum SiteSetup {
    /// The directory used when `--site` is not given.
    static let defaultDirectory = "frontend"

    /// Publishes the site and returns what the gateway serves; nil when there is no site directory.
    static func prepare(
        directory: String?, template: SAMTemplate?, service: S3Service, logger: Logger
    ) async throws -> SiteHosting? {
        var isDirectory: ObjCBool = false
        let path = directory ?? defaultDirectory
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            if directory != nil { throw ValidationError("--site \(path) is not a directory") }
            return nil
        }
        let bucket = template?.websiteBucket?.name ?? SitePublisher.defaultBucket
        let summary = try await SitePublisher.publish(
            directory: URL(fileURLWithPath: path), bucket: bucket, store: service.store)
        logger.info(
            "site published",
            metadata: ["directory": "\(path)", "bucket": "\(bucket)", "files": "\(summary.uploaded.count)"])
        return SiteHosting(service: service, bucket: bucket)
    }
}
