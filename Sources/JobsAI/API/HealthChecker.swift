#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Checks that the API's dependencies answer.
public protocol HealthChecking: Sendable {
    /// One entry per dependency (`dynamodb`, `s3`): nil when it answered, else why not.
    func check() async -> [String: String?]
}
