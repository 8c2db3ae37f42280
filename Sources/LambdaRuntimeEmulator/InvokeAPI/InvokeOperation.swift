import Foundation
import HTTPTypes
import Hummingbird
import LocalDynamo
import NIOCore

/// The Invoke operation (`POST /2015-03-31/functions/{name}/invocations`) as boto3 and the aws CLI call it,
/// apart from any HTTP server: `InvokeAPIHandler` serves it from the connection's channel pipeline.
enum InvokeOperation {
    static let synchronousLimit = 6_291_456
    static let asynchronousLimit = 1_048_576
    static let tailBytes = 4096

    /// What the request's path and head carry.
    struct Request: Sendable {
        /// The function name, ARN or partial ARN, percent-decoded.
        var function: String
        var qualifier: String?
        var invocationType: String
        var logType: String
        var clientContext: String?
        var tenantID: String?

        init(function: String, qualifier: String?, headers: HTTPFields) {
            self.function = function
            self.qualifier = qualifier
            invocationType = headers[.invocationType] ?? "RequestResponse"
            logType = headers[.logType] ?? "None"
            clientContext = headers[.amzClientContext]
            tenantID = headers[.tenantIDHeader]
        }

        /// The largest payload the invocation type takes (more is only counted, to be refused).
        var bodyLimit: Int { invocationType == "Event" ? asynchronousLimit : synchronousLimit }
    }

    /// The response: status, headers and body.
    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: [UInt8] = []
    }

    /// Runs the invocation `request` asks for as `requestID`, with `body` (the kept bytes of `total` received);
    /// refusals are answers in the Invoke API's error shape.
    static func answer(
        _ request: Request, requestID: String, body: [UInt8], total: Int, emulator: LambdaEmulator
    ) async -> Answer {
        do {
            return try await perform(request, requestID: requestID, body: body, total: total, emulator: emulator)
        } catch {
            return errorAnswer(error)
        }
    }

    private static func perform(
        _ request: Request, requestID: String, body: [UInt8], total: Int, emulator: LambdaEmulator
    ) async throws(InvokeAPIError) -> Answer {
        let pool = try emulator.resolve(request.function, qualifier: request.qualifier)
        guard ["RequestResponse", "Event", "DryRun"].contains(request.invocationType) else {
            throw .invalidParameter("Invalid InvocationType: \(request.invocationType)")
        }
        guard request.logType == "None" || request.logType == "Tail" else {
            throw .invalidParameter("Invalid LogType: \(request.logType)")
        }
        guard total <= request.bodyLimit else { throw .tooLarge(bytes: total, limit: request.bodyLimit) }
        let payload = try checkedPayload(body)
        let clientContext = try decodeClientContext(request.clientContext)
        let invocation = InvocationRequest(
            requestID: requestID, payload: payload, clientContext: clientContext, tenantID: request.tenantID)
        var headers: HTTPFields = [.amznRequestID: requestID]

        switch request.invocationType {
        case "DryRun":
            return Answer(status: .noContent, headers: headers)
        case "Event":
            do {
                try await emulator.queue.enqueue(function: pool.function.name, request: invocation)
            } catch {
                throw .service("could not store the event: \(error)")
            }
            return Answer(status: .accepted, headers: headers)
        default:
            let result: InvocationResult
            do {
                result = try await pool.invoke(invocation)
            } catch {
                throw .tooManyRequests(pool.function.name)
            }
            headers[.contentType] = result.contentType
            headers[.executedVersion] = "$LATEST"
            if result.isFunctionError { headers[.functionError] = "Unhandled" }
            if request.logType == "Tail" {
                headers[.logResult] = Data(result.log.suffix(tailBytes)).base64EncodedString()
            }
            return Answer(status: .ok, headers: headers, body: result.payload)
        }
    }

    /// The payload as Lambda takes it: an empty body is `{}`, anything else must be one JSON value.
    static func checkedPayload(_ bytes: [UInt8]) throws(InvokeAPIError) -> [UInt8] {
        guard !bytes.isEmpty else { return Array("{}".utf8) }
        do {
            _ = try JSON.parse(bytes)
        } catch {
            throw .invalidContent(
                "Could not parse request body into json: unexpected character at byte \(error.offset)")
        }
        return bytes
    }

    /// The base64 `X-Amz-Client-Context` decoded to its JSON text.
    static func decodeClientContext(_ header: String?) throws(InvokeAPIError) -> String? {
        guard let header, !header.isEmpty else { return nil }
        guard header.utf8.count <= 3583, let data = Data(base64Encoded: header),
            // Lambda's one message for any fault here, so the parser's own reason is not needed.
            (try? JSON.parse(Array(data)))?.objectValue != nil
        else {
            throw .invalidContent("Client context must be a valid Base64-encoded JSON object.")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func errorAnswer(_ error: InvokeAPIError) -> Answer {
        var headers: HTTPFields = [.contentType: "application/json", .amznErrorType: error.code]
        if error.status == 429 { headers[.retryAfter] = "1" }
        return Answer(status: HTTPResponse.Status(code: error.status), headers: headers, body: error.body)
    }

    /// An Invoke API error as the routes served through Hummingbird answer it.
    static func errorResponse(_ error: InvokeAPIError) -> Response {
        let answer = errorAnswer(error)
        return Response(
            status: answer.status, headers: answer.headers, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

extension HTTPField.Name {
    static let invocationType = HTTPField.Name("X-Amz-Invocation-Type")!
    static let logType = HTTPField.Name("X-Amz-Log-Type")!
    static let amzClientContext = HTTPField.Name("X-Amz-Client-Context")!
    static let tenantIDHeader = HTTPField.Name("X-Amz-Tenant-Id")!
    static let amznRequestID = HTTPField.Name("X-Amzn-RequestId")!
    static let amznErrorType = HTTPField.Name("X-Amzn-ErrorType")!
    static let executedVersion = HTTPField.Name("X-Amz-Executed-Version")!
    static let functionError = HTTPField.Name("X-Amz-Function-Error")!
    static let logResult = HTTPField.Name("X-Amz-Log-Result")!
}
