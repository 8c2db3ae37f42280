import Foundation

/// The flexible checksum algorithms S3 accepts.
public enum ChecksumAlgorithm: String, Codable, Sendable, CaseIterable {
    case crc32 = "CRC32"
    case crc32c = "CRC32C"
    case crc64nvme = "CRC64NVME"
    case sha1 = "SHA1"
    case sha256 = "SHA256"
    case sha512 = "SHA512"

    /// The header carrying this checksum, e.g. `x-amz-checksum-crc32`.
    public var headerName: String { "x-amz-checksum-\(rawValue.lowercased())" }

    /// The element name in XML bodies, e.g. `ChecksumCRC32`.
    public var xmlName: String { "Checksum\(rawValue)" }

    public init?(headerValue: String) {
        self.init(rawValue: headerValue.uppercased())
    }

    /// The algorithm named by a checksum header (`x-amz-checksum-sha256`).
    public init?(headerName: String) {
        let prefix = "x-amz-checksum-"
        let lower = headerName.lowercased()
        guard lower.hasPrefix(prefix) else { return nil }
        self.init(rawValue: String(lower.dropFirst(prefix.count)).uppercased())
    }
}

/// Everything stored about an object besides its bytes; kept inside the object's file.
public struct ObjectMetadata: Codable, Sendable, Equatable {
    public var size: Int64
    /// The ETag without quotes (`<md5 hex>` or `<md5 hex>-<parts>`).
    public var etag: String
    /// Milliseconds since 1970, the precision S3 shows.
    public var lastModifiedMilliseconds: Int64
    public var contentType: String?
    public var contentEncoding: String?
    public var contentDisposition: String?
    public var contentLanguage: String?
    public var cacheControl: String?
    public var expires: String?
    public var websiteRedirectLocation: String?
    /// `x-amz-meta-*` names (lower case, without the prefix) to values.
    public var userMetadata: [String: String]
    /// Checksum values (base64), by algorithm.
    public var checksums: [ChecksumAlgorithm: String]
    /// `FULL_OBJECT` or `COMPOSITE` when checksums are present.
    public var checksumType: String?
    /// Part sizes for objects completed from a multipart upload (for `partNumber` reads).
    public var partSizes: [Int64]?
    /// Set by a `public-read` canned ACL on objects stored before `grants` were kept.
    public var publicRead: Bool
    /// The owning account's canonical id (nil: the bucket's owner).
    public var owner: String?
    /// The object ACL's grants (nil: the owner's full control, or what `publicRead` stood for).
    public var grants: [ACLGrant]?
    /// The object's tags (absent when it has none).
    public var tags: [S3Tag]?
    /// The version's id in a versioned bucket; nil for the `null` version (and every object of an
    /// unversioned bucket).
    public var versionId: String?
    /// True for a delete marker: no data, current only to hide older versions.
    public var deleteMarker: Bool?

    /// `x-amz-version-id` as S3 shows it: the id, or `null`.
    public var versionIdText: String { versionId ?? "null" }
    public var isDeleteMarker: Bool { deleteMarker == true }

    public init(
        size: Int64, etag: String, lastModified: Date, headers: StoredHeaders = StoredHeaders(),
        checksums: [ChecksumAlgorithm: String] = [:], checksumType: String? = nil, partSizes: [Int64]? = nil,
        acl: ObjectACL = ObjectACL(), tags: [S3Tag]? = nil
    ) {
        self.size = size
        self.etag = etag
        self.lastModifiedMilliseconds = Int64((lastModified.timeIntervalSince1970 * 1000).rounded(.down))
        self.contentType = headers.contentType
        self.contentEncoding = headers.contentEncoding
        self.contentDisposition = headers.contentDisposition
        self.contentLanguage = headers.contentLanguage
        self.cacheControl = headers.cacheControl
        self.expires = headers.expires
        self.websiteRedirectLocation = headers.websiteRedirectLocation
        self.userMetadata = headers.userMetadata
        self.checksums = checksums
        self.checksumType = checksumType
        self.partSizes = partSizes
        self.publicRead = false
        self.owner = acl.owner
        self.grants = acl.grants
        self.tags = tags?.isEmpty == true ? nil : tags
    }

    public var lastModified: Date { Date(timeIntervalSince1970: Double(lastModifiedMilliseconds) / 1000) }

    /// The stored headers, as a group (what CopyObject's COPY directive carries over).
    public var storedHeaders: StoredHeaders {
        get {
            StoredHeaders(
                contentType: contentType, contentEncoding: contentEncoding, contentDisposition: contentDisposition,
                contentLanguage: contentLanguage, cacheControl: cacheControl, expires: expires,
                websiteRedirectLocation: websiteRedirectLocation, userMetadata: userMetadata)
        }
        set {
            contentType = newValue.contentType
            contentEncoding = newValue.contentEncoding
            contentDisposition = newValue.contentDisposition
            contentLanguage = newValue.contentLanguage
            cacheControl = newValue.cacheControl
            expires = newValue.expires
            websiteRedirectLocation = newValue.websiteRedirectLocation
            userMetadata = newValue.userMetadata
        }
    }
}

/// The request headers S3 keeps with an object and returns on GET and HEAD.
public struct StoredHeaders: Codable, Sendable, Equatable {
    public var contentType: String?
    public var contentEncoding: String?
    public var contentDisposition: String?
    public var contentLanguage: String?
    public var cacheControl: String?
    public var expires: String?
    public var websiteRedirectLocation: String?
    public var userMetadata: [String: String]

    public init(
        contentType: String? = nil, contentEncoding: String? = nil, contentDisposition: String? = nil,
        contentLanguage: String? = nil, cacheControl: String? = nil, expires: String? = nil,
        websiteRedirectLocation: String? = nil, userMetadata: [String: String] = [:]
    ) {
        self.contentType = contentType
        self.contentEncoding = contentEncoding
        self.contentDisposition = contentDisposition
        self.contentLanguage = contentLanguage
        self.cacheControl = cacheControl
        self.expires = expires
        self.websiteRedirectLocation = websiteRedirectLocation
        self.userMetadata = userMetadata
    }
}
