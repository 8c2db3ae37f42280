import AWSSignature
import Foundation

/// What LocalS3 keeps about a bucket besides its objects.
public struct BucketConfiguration: Codable, Sendable, Equatable {
    public var creationMilliseconds: Int64
    public var cors: [CORSRule]?
    public var website: WebsiteConfiguration?
    public var lifecycle: [LifecycleRule]?
    /// Set by a `public-read` canned ACL on buckets stored before `access` was kept.
    public var publicRead: Bool
    /// The bucket's tags (absent when it has none).
    public var tags: [S3Tag]?
    /// Owner, ownership controls, public access block, ACL and policy (see `BucketAccess`).
    public var access: BucketAccess?
    /// Event notifications to Lambda functions (absent when none are configured).
    public var notification: NotificationConfiguration?

    public init(created: Date, publicRead: Bool = false) {
        self.creationMilliseconds = Int64((created.timeIntervalSince1970 * 1000).rounded(.down))
        self.publicRead = publicRead
    }

    public var creationDate: Date { Date(timeIntervalSince1970: Double(creationMilliseconds) / 1000) }
}

/// One CORS rule of a bucket.
public struct CORSRule: Codable, Sendable, Equatable {
    public var id: String?
    public var allowedOrigins: [String]
    public var allowedMethods: [String]
    public var allowedHeaders: [String]
    public var exposeHeaders: [String]
    public var maxAgeSeconds: Int?

    public init(
        id: String? = nil, allowedOrigins: [String], allowedMethods: [String], allowedHeaders: [String] = [],
        exposeHeaders: [String] = [], maxAgeSeconds: Int? = nil
    ) {
        self.id = id
        self.allowedOrigins = allowedOrigins
        self.allowedMethods = allowedMethods
        self.allowedHeaders = allowedHeaders
        self.exposeHeaders = exposeHeaders
        self.maxAgeSeconds = maxAgeSeconds
    }
}

/// A bucket's static website settings.
public struct WebsiteConfiguration: Codable, Sendable, Equatable {
    public var indexSuffix: String?
    public var errorDocumentKey: String?
    public var redirectAllRequestsToHost: String?
    public var redirectAllRequestsProtocol: String?

    public init(
        indexSuffix: String?, errorDocumentKey: String? = nil, redirectAllRequestsToHost: String? = nil,
        redirectAllRequestsProtocol: String? = nil
    ) {
        self.indexSuffix = indexSuffix
        self.errorDocumentKey = errorDocumentKey
        self.redirectAllRequestsToHost = redirectAllRequestsToHost
        self.redirectAllRequestsProtocol = redirectAllRequestsProtocol
    }
}

/// One lifecycle rule; LocalS3 enforces expiration by prefix and days.
public struct LifecycleRule: Codable, Sendable, Equatable {
    public var id: String
    public var prefix: String
    public var enabled: Bool
    public var expirationDays: Int?
    /// `Expiration/Date` as sent (ISO 8601, midnight UTC): objects expire from that instant on.
    public var expirationDate: String?
    public var abortIncompleteUploadDays: Int?
    /// True when the rule named its prefix with the legacy top-level `Prefix` (answered back the same way).
    public var legacyPrefix: Bool?
    /// `NoncurrentVersionExpiration/NoncurrentDays`: older versions go this many days after becoming noncurrent.
    public var noncurrentDays: Int?

    public init(
        id: String, prefix: String, enabled: Bool, expirationDays: Int?, abortIncompleteUploadDays: Int? = nil,
        expirationDate: String? = nil, legacyPrefix: Bool = false
    ) {
        self.id = id
        self.prefix = prefix
        self.enabled = enabled
        self.expirationDays = expirationDays
        self.abortIncompleteUploadDays = abortIncompleteUploadDays
        self.expirationDate = expirationDate
        self.legacyPrefix = legacyPrefix ? true : nil
    }

    /// The instant `expirationDate` names, when it is set and well formed.
    public var expirationInstant: Date? {
        expirationDate.flatMap { ISO8601DateFormatter().date(from: $0) }
    }
}

/// A multipart upload in progress, as stored beside its parts.
public struct MultipartUploadRecord: Codable, Sendable, Equatable {
    public var keyHex: String
    public var initiatedMilliseconds: Int64
    public var headers: StoredHeaders
    public var checksumAlgorithm: ChecksumAlgorithm?
    /// `FULL_OBJECT` or `COMPOSITE` (the default when an algorithm is set).
    public var checksumType: String?
    public var publicRead: Bool
    /// The owner and grants the completed object gets (`publicRead` in records written before).
    public var acl: ObjectACL?
    /// The ARN of the user who started the upload.
    public var initiator: String?
    /// `x-amz-tagging` of CreateMultipartUpload, given to the completed object.
    public var tags: [S3Tag]?

    public var key: ObjectKey { ObjectKey(bytes: Hex.decode(keyHex) ?? []) }
    public var initiated: Date { Date(timeIntervalSince1970: Double(initiatedMilliseconds) / 1000) }
}
