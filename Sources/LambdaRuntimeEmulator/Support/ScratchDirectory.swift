import Foundation

/// A uniquely named folder under the system's temporary directory that its user removes when done.
public struct ScratchDirectory: Sendable {
    /// Where the folder is (created by its user, if at all).
    public let url: URL

    /// A fresh name under the temporary directory, starting with `prefix`.
    public init(prefix: String) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(LambdaRequestID.make())")
    }

    /// Deletes the folder and everything in it. A failure is reported on standard error rather than thrown:
    /// it leaves a leftover in the temporary directory, which does not change what the caller produced.
    public func remove() {
        do {
            try FileManager.default.removeItemIfPresent(at: url)
        } catch {
            StandardErrorLogSink.writeLine("warning: could not remove the temporary folder \(url.path): \(error)")
        }
    }
}

extension FileManager {
    /// Removes the item at `url`; an item that is not there is not an error, any other failure is thrown.
    func removeItemIfPresent(at url: URL) throws {
        do {
            try removeItem(at: url)
        } catch let error as CocoaError where error.code == .fileNoSuchFile {
            return
        }
    }
}
