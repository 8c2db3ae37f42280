import CurlHTTP
import Foundation
import Testing

/// The case of an `HTTPClientError`, without its message, for assertions.
enum ErrorKind: Equatable {
    case connectionRefused, timedOut, tlsFailure, malformedURL, couldNotResolveHost, sendFailed, receiveFailed
    case fileError, invalidRequest, bodyHandlerFailed, cancelled, responseTooLarge, other
}

extension HTTPClientError {
    var kind: ErrorKind {
        switch self {
        case .connectionRefused: .connectionRefused
        case .timedOut: .timedOut
        case .tlsFailure: .tlsFailure
        case .malformedURL: .malformedURL
        case .couldNotResolveHost: .couldNotResolveHost
        case .sendFailed: .sendFailed
        case .receiveFailed: .receiveFailed
        case .fileError: .fileError
        case .invalidRequest: .invalidRequest
        case .bodyHandlerFailed: .bodyHandlerFailed
        case .cancelled: .cancelled
        case .responseTooLarge: .responseTooLarge
        case .other: .other
        }
    }
}

/// The error `body` threw, or nil if it returned a response.
func failure(of body: () async throws -> HTTPResponse) async -> HTTPClientError? {
    do {
        _ = try await body()
        return nil
    } catch let error as HTTPClientError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "curlhttp-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The process's resident memory from /proc/self/status.
enum ProcessMemory {
    /// Resets VmHWM to the current RSS (Linux `clear_refs` 5); false where that is not allowed.
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// (VmRSS, VmHWM) in bytes.
    static func current() -> (resident: Int, peak: Int) {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func kilobytes(_ key: String) -> Int {
            let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? 0
        }
        return (kilobytes("VmRSS") * 1024, kilobytes("VmHWM") * 1024)
    }

    /// How far the peak RSS rose above the RSS at the start while `body` ran.
    static func peakGrowth(during body: () async throws -> Void) async rethrows -> Int {
        let peakWasReset = resetPeak()
        let before = current()
        try await body()
        let after = current()
        return peakWasReset ? after.peak - before.resident : after.peak - max(before.peak, before.resident)
    }
}
