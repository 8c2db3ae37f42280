import ArgumentParser
import Foundation

/// `serve --site DIR`: the directory the stack publishes into LocalS3's website bucket at start, for the gateway
/// to serve every path outside `/api`.
enum SiteSetup {
    /// The directory used when `--site` is not given.
    static let defaultDirectory = "frontend"

    /// `--site`, else `./frontend` when present; nil when there is no site directory.
    static func directory(_ explicit: String?) throws -> URL? {
        var isDirectory: ObjCBool = false
        let path = explicit ?? defaultDirectory
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            if explicit != nil { throw ValidationError("--site \(path) is not a directory") }
            return nil
        }
        return URL(fileURLWithPath: path)
    }
}
