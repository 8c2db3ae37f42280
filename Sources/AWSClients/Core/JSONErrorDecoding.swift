import CurlHTTP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads the error answers of AWS's JSON protocols (DynamoDB's JSON 1.0, Lambda's REST-JSON) as botocore does.
enum JSONErrorDecoding {
    private struct Body: Decodable {
        var __type: String?
        var code: String?
        var message: String?
        var Message: String?
    }

    /// The code comes from the `x-amzn-ErrorType` header, then `__type`, then `code`; namespaces are cut off.
    static func serviceError(_ response: HTTPResponse) -> AWSServiceError {
        // A body that is not AWS's JSON error (a proxy's page) is described by the status instead.
        let body = try? JSONDecoder().decode(Body.self, from: Data(response.body))
        let rawCode = response.headers["x-amzn-ErrorType"] ?? body?.__type ?? body?.code
        let message = body?.message ?? body?.Message ?? String(response.bodyText.prefix(300))
        return AWSServiceError(
            code: rawCode.map(AWSServiceError.code(fromType:)) ?? "HTTP\(response.status)", message: message,
            statusCode: response.status, requestID: response.headers["x-amzn-RequestId"])
    }
}
