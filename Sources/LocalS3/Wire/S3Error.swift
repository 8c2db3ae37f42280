/// The S3 error codes LocalS3 answers with, each with its HTTP status.
public enum S3ErrorCode: String, Sendable, Equatable {
    case accessDenied = "AccessDenied"
    case accessControlListNotSupported = "AccessControlListNotSupported"
    case authorizationHeaderMalformed = "AuthorizationHeaderMalformed"
    case authorizationQueryParametersError = "AuthorizationQueryParametersError"
    case badDigest = "BadDigest"
    case badRequest = "BadRequest"
    case bucketAlreadyOwnedByYou = "BucketAlreadyOwnedByYou"
    case bucketAlreadyExists = "BucketAlreadyExists"
    case bucketNotEmpty = "BucketNotEmpty"
    case conditionalRequestConflict = "ConditionalRequestConflict"
    case entityTooLarge = "EntityTooLarge"
    case entityTooSmall = "EntityTooSmall"
    case incompleteBody = "IncompleteBody"
    case internalError = "InternalError"
    case invalidAccessKeyId = "InvalidAccessKeyId"
    case invalidArgument = "InvalidArgument"
    case invalidBucketName = "InvalidBucketName"
    case invalidBucketAclWithBlockPublicAccess = "InvalidBucketAclWithBlockPublicAccessError"
    case invalidBucketAclWithObjectOwnership = "InvalidBucketAclWithObjectOwnership"
    case invalidDigest = "InvalidDigest"
    case invalidPart = "InvalidPart"
    case invalidPolicyDocument = "InvalidPolicyDocument"
    case invalidPartOrder = "InvalidPartOrder"
    case invalidRange = "InvalidRange"
    case invalidRequest = "InvalidRequest"
    case invalidTag = "InvalidTag"
    case keyTooLong = "KeyTooLongError"
    case malformedTrailer = "MalformedTrailerError"
    case malformedXML = "MalformedXML"
    case malformedACLError = "MalformedACLError"
    case malformedPolicy = "MalformedPolicy"
    case malformedPOSTRequest = "MalformedPOSTRequest"
    case maxPostPreDataLengthExceeded = "MaxPostPreDataLengthExceededError"
    case metadataTooLarge = "MetadataTooLarge"
    case methodNotAllowed = "MethodNotAllowed"
    case missingSecurityHeader = "MissingSecurityHeader"
    case missingContentLength = "MissingContentLength"
    case noSuchBucket = "NoSuchBucket"
    case noSuchBucketPolicy = "NoSuchBucketPolicy"
    case noSuchCORSConfiguration = "NoSuchCORSConfiguration"
    case noSuchKey = "NoSuchKey"
    case noSuchPublicAccessBlockConfiguration = "NoSuchPublicAccessBlockConfiguration"
    case noSuchLifecycleConfiguration = "NoSuchLifecycleConfiguration"
    case noSuchTagSet = "NoSuchTagSet"
    case noSuchUpload = "NoSuchUpload"
    case noSuchVersion = "NoSuchVersion"
    case noSuchWebsiteConfiguration = "NoSuchWebsiteConfiguration"
    case notImplemented = "NotImplemented"
    case notModified = "NotModified"
    case ownershipControlsNotFound = "OwnershipControlsNotFoundError"
    case preconditionFailed = "PreconditionFailed"
    case requestTimeTooSkewed = "RequestTimeTooSkewed"
    case signatureDoesNotMatch = "SignatureDoesNotMatch"
    case unexpectedContent = "UnexpectedContent"
    case unresolvableGrantByEmailAddress = "UnresolvableGrantByEmailAddress"
    case xAmzContentSHA256Mismatch = "XAmzContentSHA256Mismatch"

    /// The HTTP status S3 pairs with this code.
    public var status: Int {
        switch self {
        case .accessDenied, .invalidAccessKeyId, .requestTimeTooSkewed, .signatureDoesNotMatch: 403
        case .noSuchBucket, .noSuchKey, .noSuchUpload, .noSuchVersion, .noSuchCORSConfiguration,
            .noSuchLifecycleConfiguration,
            .noSuchWebsiteConfiguration, .noSuchTagSet, .noSuchBucketPolicy, .noSuchPublicAccessBlockConfiguration,
            .ownershipControlsNotFound:
            404
        case .bucketAlreadyOwnedByYou, .bucketAlreadyExists, .bucketNotEmpty, .conditionalRequestConflict: 409
        case .invalidRange: 416
        case .preconditionFailed: 412
        case .notModified: 304
        case .methodNotAllowed: 405
        case .missingContentLength: 411
        case .internalError: 500
        case .notImplemented: 501
        default: 400
        }
    }
}

/// An S3 error answer: a code, a message a person can act on, and the operation-specific elements.
public struct S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: S3ErrorCode
    public let message: String
    /// Extra XML elements, in order (for example `BucketName`, `Key`).
    public let details: [Detail]
    /// Overrides the code's usual status where S3 deviates (e.g. 403 for expiry-range errors).
    public let statusOverride: Int?
    /// Headers the error answer carries (`x-amz-delete-marker`, `x-amz-version-id`).
    public var headers: [Detail] = []

    /// One extra element of the error XML.
    public struct Detail: Sendable, Equatable {
        public let name: String
        public let value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(_ code: S3ErrorCode, _ message: String, details: [Detail] = [], status: Int? = nil) {
        self.code = code
        self.message = message
        self.details = details
        self.statusOverride = status
    }

    public var status: Int { statusOverride ?? code.status }
    public var description: String { "\(code.rawValue): \(message)" }

    static func noSuchBucket(_ bucket: String) -> S3Error {
        S3Error(.noSuchBucket, "The specified bucket does not exist", details: [.init("BucketName", bucket)])
    }
    static func noSuchKey(_ key: ObjectKey) -> S3Error {
        S3Error(.noSuchKey, "The specified key does not exist.", details: [.init("Key", key.description)])
    }
    static func noSuchUpload(_ uploadID: String) -> S3Error {
        S3Error(
            .noSuchUpload,
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
            details: [.init("UploadId", uploadID)])
    }
    static func invalidArgument(_ name: String, _ value: String, _ message: String) -> S3Error {
        S3Error(.invalidArgument, message, details: [.init("ArgumentName", name), .init("ArgumentValue", value)])
    }
    static func internalError(_ what: String) -> S3Error {
        S3Error(.internalError, "We encountered an internal error: \(what)")
    }
    static func malformedXML() -> S3Error {
        S3Error(
            .malformedXML,
            "The XML you provided was not well-formed or did not validate against our published schema")
    }
}
