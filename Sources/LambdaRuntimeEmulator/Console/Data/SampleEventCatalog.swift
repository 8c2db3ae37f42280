import Foundation

/// The sample events of a project's `events/` folder, and which function each belongs to.
///
/// A folder belongs to the function whose name it is, compared without case and without a trailing
/// `Function` (`api/` is `APIFunction`'s, `worker/` is `WorkerFunction`'s); `function-url/` holds Function URL
/// events and belongs to the function the gateway serves. Events named by path without `.json`
/// (`api/start-valid`), as `lambda-emulator events list` prints them.
public struct SampleEventCatalog: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    /// Every sample event's name, sorted.
    public func names() throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        let prefix = directory.path + "/"
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "json" }
            .map { String($0.standardizedFileURL.deletingPathExtension().path.dropFirst(prefix.count)) }
            .sorted()
    }

    /// The event's bytes; nil when no sample has that name (names outside the folder included).
    public func contents(of name: String) throws -> Data? {
        guard try names().contains(name) else { return nil }
        return try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
    }

    /// Whether an event named `name` belongs to `function`; `gatewayFunction` is the one Function URL events go to.
    public static func belongs(_ name: String, to function: String, gatewayFunction: String?) -> Bool {
        guard let slash = name.firstIndex(of: "/") else { return false }
        let folder = name[..<slash].lowercased()
        if folder == "function-url" { return function == gatewayFunction }
        let lowered = function.lowercased()
        return folder == lowered || (lowered.hasSuffix("function") && folder == lowered.dropLast("function".count))
    }
}
