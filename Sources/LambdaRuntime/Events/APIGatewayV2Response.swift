/// The structured response an HTTP API (payload 2.0) or Function URL handler returns.
public struct APIGatewayV2Response: Codable, Sendable, Equatable {
    public var statusCode: Int
    public var headers: [String: String]?
    /// One `Set-Cookie` header each.
    public var cookies: [String]?
    public var body: String?
    public var isBase64Encoded: Bool?

    public init(
        statusCode: Int, headers: [String: String]? = nil, cookies: [String]? = nil, body: String? = nil,
        isBase64Encoded: Bool? = nil
    ) {
        self.statusCode = statusCode
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    /// A response carrying binary bytes, base64-encoded as the gateway expects.
    public init(statusCode: Int, headers: [String: String]? = nil, cookies: [String]? = nil, binaryBody: [UInt8]) {
        self.init(
            statusCode: statusCode, headers: headers, cookies: cookies, body: Base64.encode(binaryBody),
            isBase64Encoded: true)
    }
}

/// A Lambda Function URL response: the same schema as the HTTP API payload 2.0 response.
public typealias FunctionURLResponse = APIGatewayV2Response
