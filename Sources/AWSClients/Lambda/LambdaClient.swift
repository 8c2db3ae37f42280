import AWSSignature
import CurlHTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A Lambda client for `Invoke`, synchronous or asynchronous.
public struct LambdaClient: Sendable {
    let transport: AWSTransport

    /// How Lambda runs an invocation.
    public enum InvocationType: String, Sendable {
        /// Wait for the function's answer.
        case requestResponse = "RequestResponse"
        /// Queue the event and answer 202 at once.
        case event = "Event"
        /// Only check that the call would be allowed (204).
        case dryRun = "DryRun"
    }

    /// What an invocation returned.
    public struct InvocationResult: Sendable {
        public var statusCode: Int
        /// The function's answer, or its error document when `functionError` is set.
        public var payload: [UInt8]
        /// `Unhandled` (or `Handled`) when the function failed; the call itself still succeeded.
        public var functionError: String?
        public var executedVersion: String?
    }

    public init(
        configuration: AWSConfiguration, http: any HTTPExecuting, now: @escaping @Sendable () -> Date = Date.init,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        transport = AWSTransport(
            http: http, configuration: configuration, service: .lambda, now: now, sleep: sleep,
            decodeError: { .service(JSONErrorDecoding.serviceError($0)) })
    }

    /// Invokes a function by name or ARN with a JSON payload.
    public func invoke(
        function: String, payload: [UInt8], type: InvocationType = .requestResponse, qualifier: String? = nil
    ) async throws(AWSClientError) -> InvocationResult {
        let request = AWSRequest(
            method: .post, endpoint: transport.configuration.endpoint(for: .lambda),
            path: "/2015-03-31/functions/\(URIEncoding.encode(function, keepSlash: false))/invocations",
            query: qualifier.map { [("Qualifier", $0)] } ?? [],
            headers: [("Content-Type", "application/json"), ("X-Amz-Invocation-Type", type.rawValue)],
            body: .bytes(payload))
        let response = try await transport.send(request)
        return InvocationResult(
            statusCode: response.status, payload: response.body,
            functionError: response.headers["X-Amz-Function-Error"],
            executedVersion: response.headers["X-Amz-Executed-Version"])
    }
}
