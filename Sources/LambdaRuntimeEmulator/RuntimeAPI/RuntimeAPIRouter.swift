import HTTPTypes
import Hummingbird
import NIOCore

/// The Runtime API 2018-06-01 routes of one environment, backed by its `RuntimeSession`.
enum RuntimeAPIRouter {
    /// The largest `/response` body accepted (6 MB as Lambda counts it).
    static let maximumResponseBytes = 6_291_556
    static let errorBodyLimit = 1 << 20
    /// The largest streamed response (200 MB).
    static let maximumStreamedBytes = 200 * 1024 * 1024

    static func make(session: RuntimeSession) -> Router<BasicRequestContext> {
        let router = Router()
        let base = "/2018-06-01/runtime"
        router.get("\(base)/invocation/next") { _, _ in
            switch await session.next() {
            case .invocation(let invocation): return nextResponse(invocation)
            case .refused(let error): return errorResponse(error)
            }
        }
        router.post("\(base)/invocation/:requestID/response") { request, context in
            let requestID = context.parameters.get("requestID") ?? ""
            if let mode = request.headers[.responseMode], mode != "streaming" {
                return errorResponse(.invalidResponseMode(mode))
            }
            if request.headers[.responseMode] == "streaming",
                let stream = await session.responseStream(requestID: requestID)
            {
                return try await forward(request, to: stream, requestID: requestID, session: session)
            }
            let (body, total) = try await RequestBodies.collect(request.body, keepingAtMost: maximumResponseBytes)
            let outcome: RuntimeOutcome
            if total > maximumResponseBytes {
                outcome = .responseTooLarge(bytes: total)
            } else {
                let contentType = request.headers[.contentType] ?? "application/json"
                outcome = .response(body: body, contentType: contentType)
            }
            let result = await session.answer(
                requestID: requestID, invocationID: request.headers[.invocationID], outcome: outcome)
            if case .failure(let error) = result { return errorResponse(error) }
            if total > maximumResponseBytes { return errorResponse(.payloadTooLarge(limit: maximumResponseBytes)) }
            return accepted()
        }
        router.post("\(base)/invocation/:requestID/error") { request, context in
            let requestID = context.parameters.get("requestID") ?? ""
            let (body, _) = try await RequestBodies.collect(request.body, keepingAtMost: errorBodyLimit)
            let document = ErrorDocument.normalise(body, headerType: request.headers[.functionErrorType])
            let result = await session.answer(
                requestID: requestID, invocationID: request.headers[.invocationID],
                outcome: .functionError(body: document))
            if case .failure(let error) = result { return errorResponse(error) }
            return accepted()
        }
        router.post("\(base)/init/error") { request, _ in
            let (body, _) = try await RequestBodies.collect(request.body, keepingAtMost: errorBodyLimit)
            let document = ErrorDocument.normalise(body, headerType: request.headers[.functionErrorType])
            if case .failure(let error) = await session.initError(body: document) { return errorResponse(error) }
            return accepted()
        }
        router.get("/2018-06-01/ping") { _, _ in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "pong")))
        }
        return router
    }

    /// A streamed `/response` whose caller streams too: each body part goes on as it arrives, at most 2 MB/s after
    /// the first 6 MB. (Error trailers
    /// cannot be read: Hummingbird does not expose request trailers.)
    static func forward(_ request: Request, to stream: ResponseStream, requestID: String, session: RuntimeSession)
        async throws -> Response
    {
        let contentType = request.headers[.contentType] ?? "application/octet-stream"
        stream.yield(.contentType(contentType))
        var total = 0
        var overCapSince: ContinuousClock.Instant?
        for try await buffer in request.body {
            total += buffer.readableBytes
            if total <= maximumStreamedBytes { stream.yield(.chunk(Array(buffer.readableBytesView))) }
            // Past the uncapped part, reading slows to Lambda's rate, which holds the runtime back too.
            if total > StreamBandwidth.uncappedBytes {
                let since = overCapSince ?? .now
                overCapSince = since
                let wait = StreamBandwidth.wait(total: total, elapsedOverCap: since.duration(to: .now))
                if wait > .zero { try await Task.sleep(for: wait) }
            }
        }
        let outcome: RuntimeOutcome =
            total > maximumStreamedBytes
            ? .responseTooLarge(bytes: total) : .response(body: [], contentType: contentType)
        let result = await session.answer(
            requestID: requestID, invocationID: request.headers[.invocationID], outcome: outcome)
        if case .failure(let error) = result { return errorResponse(error) }
        return accepted()
    }

    static func nextResponse(_ invocation: RuntimeInvocation) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.requestID] = invocation.requestID
        headers[.deadline] = String(invocation.deadlineMilliseconds)
        headers[.invokedFunctionARN] = invocation.functionARN
        headers[.traceID] = invocation.traceID
        headers[.invocationID] = invocation.invocationID
        if let clientContext = invocation.clientContext { headers[.clientContext] = clientContext }
        if let cognito = invocation.cognitoIdentity { headers[.cognitoIdentity] = cognito }
        if let tenant = invocation.tenantID { headers[.tenantID] = tenant }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: invocation.payload)))
    }

    static func accepted() -> Response {
        Response(
            status: .accepted, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: #"{"status":"OK"}"#)))
    }

    static func errorResponse(_ error: RuntimeAPIError) -> Response {
        Response(
            status: HTTPResponse.Status(code: error.status), headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: error.body)))
    }
}

extension HTTPField.Name {
    static let requestID = HTTPField.Name("Lambda-Runtime-Aws-Request-Id")!
    static let deadline = HTTPField.Name("Lambda-Runtime-Deadline-Ms")!
    static let invokedFunctionARN = HTTPField.Name("Lambda-Runtime-Invoked-Function-Arn")!
    static let traceID = HTTPField.Name("Lambda-Runtime-Trace-Id")!
    static let clientContext = HTTPField.Name("Lambda-Runtime-Client-Context")!
    static let cognitoIdentity = HTTPField.Name("Lambda-Runtime-Cognito-Identity")!
    static let tenantID = HTTPField.Name("Lambda-Runtime-Aws-Tenant-Id")!
    static let invocationID = HTTPField.Name("Lambda-Runtime-Invocation-Id")!
    static let functionErrorType = HTTPField.Name("Lambda-Runtime-Function-Error-Type")!
    static let responseMode = HTTPField.Name("Lambda-Runtime-Function-Response-Mode")!
}
