@_exported import BuildingBlocks

/// An API Gateway HTTP API (payload format 2.0) or Lambda Function URL request event.
public struct APIGatewayV2Request: Codable, Sendable, Equatable {
    /// `requestContext`: where the request came from.
    public struct Context: Codable, Sendable, Equatable {
        /// `requestContext.http`.
        public struct HTTP: Codable, Sendable, Equatable {
            public var method: String
            public var path: String
            public var `protocol`: String
            public var sourceIp: String
            public var userAgent: String

            public init(method: String, path: String, protocol: String, sourceIp: String, userAgent: String) {
                self.method = method
                self.path = path
                self.protocol = `protocol`
                self.sourceIp = sourceIp
                self.userAgent = userAgent
            }
        }

        public var accountId: String
        public var apiId: String
        public var domainName: String
        public var domainPrefix: String
        public var stage: String
        public var requestId: String
        public var routeKey: String?
        public var http: HTTP
        public var time: String
        public var timeEpoch: Int64
        public var authorizer: JSONValue?
        public var authentication: JSONValue?

        public init(
            accountId: String, apiId: String, domainName: String, domainPrefix: String, stage: String,
            requestId: String, routeKey: String?, http: HTTP, time: String, timeEpoch: Int64,
            authorizer: JSONValue? = nil, authentication: JSONValue? = nil
        ) {
            self.accountId = accountId
            self.apiId = apiId
            self.domainName = domainName
            self.domainPrefix = domainPrefix
            self.stage = stage
            self.requestId = requestId
            self.routeKey = routeKey
            self.http = http
            self.time = time
            self.timeEpoch = timeEpoch
            self.authorizer = authorizer
            self.authentication = authentication
        }
    }

    public var version: String
    public var routeKey: String
    public var rawPath: String
    public var rawQueryString: String
    public var cookies: [String]
    /// Header names in lower case; repeated headers joined with `,`.
    public var headers: [String: String]
    public var queryStringParameters: [String: String]
    public var pathParameters: [String: String]
    public var stageVariables: [String: String]
    public var requestContext: Context
    public var body: String?
    public var isBase64Encoded: Bool

    enum CodingKeys: String, CodingKey {
        case version, routeKey, rawPath, rawQueryString, cookies, headers, queryStringParameters
        case pathParameters, stageVariables, requestContext, body, isBase64Encoded
    }

    public init(
        version: String = "2.0", routeKey: String = "$default", rawPath: String, rawQueryString: String = "",
        cookies: [String] = [], headers: [String: String] = [:], queryStringParameters: [String: String] = [:],
        pathParameters: [String: String] = [:], stageVariables: [String: String] = [:], requestContext: Context,
        body: String? = nil, isBase64Encoded: Bool = false
    ) {
        self.version = version
        self.routeKey = routeKey
        self.rawPath = rawPath
        self.rawQueryString = rawQueryString
        self.cookies = cookies
        self.headers = headers
        self.queryStringParameters = queryStringParameters
        self.pathParameters = pathParameters
        self.stageVariables = stageVariables
        self.requestContext = requestContext
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    /// Decodes exactly what AWS sends: optional collections may be absent or `null`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        routeKey = try container.decode(String.self, forKey: .routeKey)
        rawPath = try container.decode(String.self, forKey: .rawPath)
        rawQueryString = try container.decode(String.self, forKey: .rawQueryString)
        cookies = try container.decodeIfPresent([String].self, forKey: .cookies) ?? []
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers) ?? [:]
        queryStringParameters =
            try container.decodeIfPresent([String: String].self, forKey: .queryStringParameters) ?? [:]
        pathParameters = try container.decodeIfPresent([String: String].self, forKey: .pathParameters) ?? [:]
        stageVariables = try container.decodeIfPresent([String: String].self, forKey: .stageVariables) ?? [:]
        requestContext = try container.decode(Context.self, forKey: .requestContext)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        isBase64Encoded = try container.decode(Bool.self, forKey: .isBase64Encoded)
    }

    /// Encodes in AWS's shape: empty optional collections are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(routeKey, forKey: .routeKey)
        try container.encode(rawPath, forKey: .rawPath)
        try container.encode(rawQueryString, forKey: .rawQueryString)
        if !cookies.isEmpty { try container.encode(cookies, forKey: .cookies) }
        try container.encode(headers, forKey: .headers)
        if !queryStringParameters.isEmpty {
            try container.encode(queryStringParameters, forKey: .queryStringParameters)
        }
        if !pathParameters.isEmpty { try container.encode(pathParameters, forKey: .pathParameters) }
        if !stageVariables.isEmpty { try container.encode(stageVariables, forKey: .stageVariables) }
        try container.encode(requestContext, forKey: .requestContext)
        try container.encodeIfPresent(body, forKey: .body)
        try container.encode(isBase64Encoded, forKey: .isBase64Encoded)
    }

    /// The body as bytes, base64-decoded when `isBase64Encoded`; nil when absent or not valid base64.
    public var bodyBytes: [UInt8]? {
        guard let body else { return nil }
        if isBase64Encoded { return Base64.decode(body) }
        return Array(body.utf8)
    }

    /// The header value for a name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()] ?? headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// A Lambda Function URL request: the same schema as the HTTP API payload 2.0.
public typealias FunctionURLRequest = APIGatewayV2Request
