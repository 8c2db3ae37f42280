import BuildingBlocks

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
    /// The body as JSON bytes, keys in sorted order.
    public var jsonBytes: [UInt8] {
        let trace = stackTrace.map(JSONText.quote).joined(separator: ",")
        let text =
            #"{"errorMessage":\#(JSONText.quote(errorMessage)),"errorType":\#(JSONText.quote(errorType)),"#
            + #""stackTrace":[\#(trace)]}"#
        return Array(text.utf8)
    }
}
