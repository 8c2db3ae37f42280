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
        directory: String?, functionOptions: FunctionOptions, service: S3Service, logger: Logger
    ) async throws -> SiteHosting? {
        var isDirectory: ObjCBool = false
        let path = directory ?? defaultDirectory
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            if directory != nil { throw ValidationError("--site \(path) is not a directory") }
            return nil
        }
        let bucket = try websiteBucket(functionOptions) ?? SitePublisher.defaultBucket
        let summary = try await SitePublisher.publish(
            directory: URL(fileURLWithPath: path), bucket: bucket, store: service.store)
        logger.info(
            "site published",
            metadata: ["directory": "\(path)", "bucket": "\(bucket)", "files": "\(summary.uploaded.count)"])
        return SiteHosting(service: service, bucket: bucket)
    }

    /// The template's website bucket, read from the template `serve` uses.
    static func websiteBucket(_ options: FunctionOptions) throws -> String? {
        let fallback = options.functions.isEmpty && FileManager.default.fileExists(atPath: "template.yaml")
        guard let template = options.template ?? (fallback ? "template.yaml" : nil) else { return nil }
        let parameters = try options.environmentFile.map {
            try FunctionSpecification.parameters(in: Data(contentsOf: URL(fileURLWithPath: $0)))
        }
        return try TemplateWebsiteBucket.name(
            yaml: String(contentsOfFile: template, encoding: .utf8), parameters: parameters ?? [:])
    }
}
