import Yams

/// A Function URL's `Cors` settings (`FunctionUrlConfig.Cors`), as AWS applies them in front of the function.
public struct FunctionURLCors: Sendable, Equatable {
    public var allowOrigins: [String]
    public var allowMethods: [String]
    public var allowHeaders: [String]
    public var exposeHeaders: [String]
    public var allowCredentials: Bool
    /// Seconds a browser may cache a preflight answer; nil sends no `Access-Control-Max-Age`.
    public var maxAge: Int?

    public init(
        allowOrigins: [String], allowMethods: [String] = ["*"], allowHeaders: [String] = [],
        exposeHeaders: [String] = [], allowCredentials: Bool = false, maxAge: Int? = nil
    ) {
        self.allowOrigins = allowOrigins
        self.allowMethods = allowMethods
        self.allowHeaders = allowHeaders
        self.exposeHeaders = exposeHeaders
        self.allowCredentials = allowCredentials
        self.maxAge = maxAge
    }

    /// Reads `FunctionUrlConfig` (AuthType, InvokeMode, Cors); returns the Cors part when present.
    static func read(functionURLConfig node: Node, path: String, reader: TemplateReader) throws(TemplateError)
        -> FunctionURLCors?
    {
        let config = try reader.mapping(node, path: path, known: ["AuthType", "InvokeMode", "Cors"])
        let authType = try reader.optionalString(config, "AuthType", path: path)
        if let authType, authType != "NONE" && authType != "AWS_IAM" {
            throw .invalidValue(path: "\(path).AuthType", expected: "NONE or AWS_IAM")
        }
        guard let cors = config["Cors"] else { return nil }
        let corsPath = "\(path).Cors"
        let known: Set<String> = [
            "AllowOrigins", "AllowMethods", "AllowHeaders", "ExposeHeaders", "AllowCredentials", "MaxAge",
        ]
        let fields = try reader.mapping(cors, path: corsPath, known: known)
        let origins = try reader.optionalStrings(fields, "AllowOrigins", path: corsPath)
        let methods = try reader.optionalStrings(fields, "AllowMethods", path: corsPath)
        let headers = try reader.optionalStrings(fields, "AllowHeaders", path: corsPath)
        let exposed = try reader.optionalStrings(fields, "ExposeHeaders", path: corsPath)
        let credentials = try reader.optionalBoolean(fields, "AllowCredentials", path: corsPath) ?? false
        let maxAge = try reader.optionalInteger(fields, "MaxAge", path: corsPath, range: 0...86400)
        return FunctionURLCors(
            allowOrigins: origins, allowMethods: methods, allowHeaders: headers, exposeHeaders: exposed,
            allowCredentials: credentials, maxAge: maxAge)
    }
}
