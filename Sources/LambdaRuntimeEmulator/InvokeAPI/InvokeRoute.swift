import Foundation
import HTTPTypes
import Hummingbird
import LocalDynamo
import NIOCore

/// `POST /2015-03-31/functions/{name}/invocations`: the Invoke operation as boto3 and the aws CLI call it.
enum InvokeRoute {
    static let synchronousLimit = 6_291_456
    static let asynchronousLimit = 1_048_576
    static let tailBytes = 4096

    static func register(on router: Router<BasicRequestContext>, emulator: LambdaEmulator) {
        router.post("/2015-03-31/functions/:name/invocations") { request, context in
            do {
                return try await handle(request, name: context.parameters.get("name") ?? "", emulator: emulator)
            } catch let error as InvokeAPIError {
                return errorResponse(error)
            }
        }
    }

    static func handle(_ request: Request, name rawName: String, emulator: LambdaEmulator) async throws
        -> Response
    {
        let name = rawName.contains("%") ? rawName.removingPercentEncoding ?? rawName : rawName
        let qualifier = request.uri.queryParameters["Qualifier"].map { String($0) }
        let pool = try emulator.resolve(name, qualifier: qualifier)
        let invocationType = request.headers[.invocationType] ?? "RequestResponse"
        guard ["RequestResponse", "Event", "DryRun"].contains(invocationType) else {
            throw InvokeAPIError.invalidParameter("Invalid InvocationType: \(invocationType)")
        }
        let logType = request.headers[.logType] ?? "None"
        guard logType == "None" || logType == "Tail" else {
            throw InvokeAPIError.invalidParameter("Invalid LogType: \(logType)")
        }
        let limit = invocationType == "Event" ? asynchronousLimit : synchronousLimit
        let (bytes, total) = try await RequestBodies.collect(request.body, keepingAtMost: limit)
        guard total <= limit else { throw InvokeAPIError.tooLarge(bytes: total, limit: limit) }
        let payload = try checkedPayload(bytes)
        let clientContext = try decodeClientContext(request.headers[.amzClientContext])
        let requestID = LambdaRequestID.make()
        let invocation = InvocationRequest(
            requestID: requestID, payload: payload, clientContext: clientContext,
            tenantID: request.headers[.tenantIDHeader])
        var headers: HTTPFields = [.amznRequestID: requestID]

        switch invocationType {
        case "DryRun":
            return Response(status: .noContent, headers: headers)
        case "Event":
            do {
                try await emulator.queue.enqueue(function: pool.function.name, request: invocation)
            } catch {
                throw InvokeAPIError.service("could not store the event: \(error)")
            }
            return Response(status: .accepted, headers: headers)
        default:
            let result: InvocationResult
            do {
                result = try await pool.invoke(invocation)
            } catch {
                throw InvokeAPIError.tooManyRequests(pool.function.name)
            }
            headers[.contentType] = result.contentType
            headers[.executedVersion] = "$LATEST"
            if result.isFunctionError { headers[.functionError] = "Unhandled" }
            if logType == "Tail" {
                headers[.logResult] = Data(result.log.suffix(tailBytes)).base64EncodedString()
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: result.payload)))
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
    static func decodeClientContext(_ header: String?) throws -> String? {
        guard let header, !header.isEmpty else { return nil }
        guard header.utf8.count <= 3583, let data = Data(base64Encoded: header),
            // Lambda's one message for any fault here, so the parser's own reason is not needed.
            (try? JSONSerialization.jsonObject(with: data)) is [String: Any]
        else {
            throw InvokeAPIError.invalidContent("Client context must be a valid Base64-encoded JSON object.")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func errorResponse(_ error: InvokeAPIError) -> Response {
        var headers: HTTPFields = [.contentType: "application/json", .amznErrorType: error.code]
        if error.status == 429 { headers[.retryAfter] = "1" }
        return Response(
            status: HTTPResponse.Status(code: error.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: error.body)))
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
