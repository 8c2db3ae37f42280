/// The four calls a runtime makes to the Runtime API; the loop depends on this seam, not on libcurl.
public protocol RuntimeAPIClient: Sendable {
    /// `GET /runtime/invocation/next`, waiting as long as it takes.
    func next() async throws -> Invocation
    /// `POST /runtime/invocation/{id}/response`.
    func sendResponse(_ response: LambdaResponse, for metadata: InvocationMetadata) async throws
    /// `POST /runtime/invocation/{id}/error`.
    func sendError(_ error: LambdaErrorBody, for metadata: InvocationMetadata) async throws
    /// `POST /runtime/init/error`.
    func sendInitError(_ error: LambdaErrorBody) async throws
}
