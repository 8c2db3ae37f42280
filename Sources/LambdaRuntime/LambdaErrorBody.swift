#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The error document the Runtime API takes on `/invocation/{id}/error` and `/init/error`.
public struct LambdaErrorBody: Codable, Sendable, Equatable {
    public var errorType: String
    public var errorMessage: String
    public var stackTrace: [String]

    public init(errorType: String, errorMessage: String, stackTrace: [String] = []) {
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.stackTrace = stackTrace
    }

    /// The body for a Swift error: its type name and its description.
    public init(error: any Error) {
        if let described = error as? any LambdaReportableError {
            self.init(errorType: described.errorType, errorMessage: described.errorMessage)
        } else {
            self.init(errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
        }
    }
}

/// An error that chooses its own `errorType` and `errorMessage` when reported to Lambda.
public protocol LambdaReportableError: Error {
    var errorType: String { get }
    var errorMessage: String { get }
}

extension LambdaErrorBody {
    /// The body as JSON bytes.
    public var jsonBytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Three strings and a list of strings always encode; nil would only send the fallback body.
        return (try? encoder.encode(self)).map(Array.init)
            ?? Array(#"{"errorMessage":"unencodable error","errorType":"Runtime.Unknown","stackTrace":[]}"#.utf8)
    }
}
