import Foundation
import Logging

/// What a listening `serve` leaves in its data directory (`serve.json`) so `invoke` can use its stack.
struct ServeState: Codable, Equatable {
    static let fileName = "serve.json"

    /// The `serve` process.
    var pid: Int32
    /// Invoke API port.
    var invoke: Int
    /// LocalDynamo port, when `serve` runs the local services.
    var dynamo: Int?
    /// LocalS3 port, when `serve` runs the local services.
    var s3: Int?
    /// Function URL gateway port, when one is served.
    var gateway: Int?
    /// Console port, when the console runs.
    var console: Int?

    static func file(in dataDirectory: URL) -> URL {
        dataDirectory.appendingPathComponent(fileName)
    }

    /// Writes the state atomically and returns its file.
    @discardableResult
    func write(in dataDirectory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let file = Self.file(in: dataDirectory)
        try encoder.encode(self).write(to: file, options: .atomic)
        return file
    }

    /// Removes the state file of this process; a file another `serve` wrote since is left alone.
    func remove(from dataDirectory: URL, logger: Logger) {
        let file = Self.file(in: dataDirectory)
        guard Self.read(file) == self else { return }
        do {
            try FileManager.default.removeItem(at: file)
        } catch {
            logger.warning(
                "could not remove the serve state file", metadata: ["file": "\(file.path)", "error": "\(error)"])
        }
    }

    /// The state of a `serve` that is running on this data directory; nil when there is none, or the file
    /// is stale (its process is gone) or unreadable.
    static func running(in dataDirectory: URL) -> ServeState? {
        guard let state = read(file(in: dataDirectory)), state.pid > 0 else { return nil }
        // Signal 0 only checks the process: EPERM means it exists under another user.
        guard kill(state.pid, 0) == 0 || errno == EPERM else { return nil }
        return state
    }

    private static func read(_ file: URL) -> ServeState? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        do {
            return try JSONDecoder().decode(ServeState.self, from: data)
        } catch {
            return nil  // A half-written or foreign file is as good as none: invoke starts its own services.
        }
    }
}
