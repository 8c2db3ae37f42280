/// An IAM action of S3 (`s3:GetObject`): what it acts on and which ACL permission grants it.
struct S3Action: Sendable, Hashable {
    /// What the action's resource is and whose rules govern it.
    enum Scope: Sendable, Hashable {
        /// The bucket (`arn:aws:s3:::bucket`), granted by the bucket ACL.
        case bucket
        /// An object key, granted by the bucket ACL (writes and deletes: the bucket's owner decides).
        case key
        /// An existing object, governed by the object's owner and ACL (reads and ACL changes).
        case object
    }

    let name: String
    let scope: Scope
    /// The ACL permission that grants the action, nil when no ACL can.
    let permission: ACLPermission?
    /// The lowercased name, as action patterns are matched.
    let matchName: String

    init(name: String, scope: Scope, permission: ACLPermission?) {
        self.name = name
        self.scope = scope
        self.permission = permission
        matchName = name.lowercased()
    }

    /// The bucket policy's own actions: only the owner's account may use them (405 for another account a
    /// policy allows them to, as S3 answers), and the owner is never locked out of them by a Deny.
    var isPolicyManagement: Bool {
        name == "s3:GetBucketPolicy" || name == "s3:PutBucketPolicy" || name == "s3:DeleteBucketPolicy"
    }

    static func bucket(_ name: String, _ permission: ACLPermission? = nil) -> S3Action {
        S3Action(name: "s3:" + name, scope: .bucket, permission: permission)
    }
    static func key(_ name: String, _ permission: ACLPermission? = .write) -> S3Action {
        S3Action(name: "s3:" + name, scope: .key, permission: permission)
    }
    static func object(_ name: String, _ permission: ACLPermission? = nil) -> S3Action {
        S3Action(name: "s3:" + name, scope: .object, permission: permission)
    }

    static let listBucket = bucket("ListBucket", .read)
    static let getObject = object("GetObject", .read)
    static let getObjectVersion = object("GetObjectVersion", .read)
    static let putObject = key("PutObject")
    static let deleteObject = key("DeleteObject")
    static let deleteObjectVersion = key("DeleteObjectVersion")
}

/// Every S3 action name a policy may mention, with whether it acts on buckets or on objects (for
/// validating `Action` and `Resource` together, as S3 does).
enum S3ActionCatalog {
    static let bucketActions: [String] = [
        "ListBucket", "ListBucketVersions", "ListBucketMultipartUploads", "CreateBucket", "DeleteBucket",
        "GetBucketLocation", "GetBucketAcl", "PutBucketAcl", "GetBucketPolicy", "PutBucketPolicy",
        "DeleteBucketPolicy", "GetBucketPolicyStatus", "GetBucketCORS", "PutBucketCORS", "GetBucketWebsite",
        "PutBucketWebsite", "DeleteBucketWebsite", "GetLifecycleConfiguration", "PutLifecycleConfiguration",
        "GetBucketTagging", "PutBucketTagging", "GetBucketVersioning", "PutBucketVersioning",
        "GetBucketNotification", "PutBucketNotification", "GetBucketOwnershipControls",
        "PutBucketOwnershipControls", "GetBucketPublicAccessBlock", "PutBucketPublicAccessBlock",
        "GetBucketLogging", "PutBucketLogging", "GetEncryptionConfiguration", "PutEncryptionConfiguration",
        "GetReplicationConfiguration", "PutReplicationConfiguration", "GetBucketRequestPayment",
        "PutBucketRequestPayment", "GetAccelerateConfiguration", "PutAccelerateConfiguration",
        "GetBucketObjectLockConfiguration", "PutBucketObjectLockConfiguration", "GetAnalyticsConfiguration",
        "PutAnalyticsConfiguration", "GetInventoryConfiguration", "PutInventoryConfiguration",
        "GetMetricsConfiguration", "PutMetricsConfiguration", "GetIntelligentTieringConfiguration",
        "PutIntelligentTieringConfiguration",
    ]
    static let objectActions: [String] = [
        "GetObject", "GetObjectVersion", "PutObject", "DeleteObject", "DeleteObjectVersion", "GetObjectAcl",
        "GetObjectVersionAcl", "PutObjectAcl", "PutObjectVersionAcl", "GetObjectTagging", "GetObjectVersionTagging",
        "PutObjectTagging", "PutObjectVersionTagging", "DeleteObjectTagging", "DeleteObjectVersionTagging",
        "GetObjectAttributes", "GetObjectVersionAttributes", "AbortMultipartUpload", "ListMultipartUploadParts",
        "RestoreObject", "GetObjectRetention", "PutObjectRetention", "GetObjectLegalHold", "PutObjectLegalHold",
        "BypassGovernanceRetention", "GetObjectTorrent", "GetObjectVersionTorrent", "ReplicateObject",
        "ReplicateDelete", "ReplicateTags", "ObjectOwnerOverrideToBucketOwner", "GetObjectVersionForReplication",
    ]
    /// Account-level actions: valid names that no bucket resource fits.
    static let accountActions: [String] = ["ListAllMyBuckets", "CreateJob", "GetAccountPublicAccessBlock"]

    static let lowercasedBucketActions = bucketActions.map { "s3:" + $0.lowercased() }
    static let lowercasedObjectActions = objectActions.map { "s3:" + $0.lowercased() }
    static let lowercasedAccountActions = accountActions.map { "s3:" + $0.lowercased() }

    /// Which kinds of resource the actions a (lowercased) pattern matches act on; both false when it matches
    /// no S3 action at all.
    static func levels(of pattern: PolicyPattern) -> (known: Bool, bucket: Bool, object: Bool) {
        let bucket = lowercasedBucketActions.contains { pattern.matches($0) }
        let object = lowercasedObjectActions.contains { pattern.matches($0) }
        let account = lowercasedAccountActions.contains { pattern.matches($0) }
        return (bucket || object || account, bucket, object)
    }
}

/// What a request must be allowed to do, as S3 maps its API operations to actions.
enum AccessRequirement {
    /// Any signed request (ListBuckets, CreateBucket); anonymous ones are refused.
    case signedIn
    /// These actions on the request's bucket (and key); a copy also reads its source.
    case actions([S3Action], copySource: S3Action?)
    /// Decided by the operation item by item through `AccessGrant.authorize` (DeleteObjects per key, a
    /// browser POST once its form names the signer).
    case perItem

    /// The sub-resources of bucket configuration: the actions of GET, PUT and DELETE.
    static let bucketSubresources: [String: (get: String, put: String, delete: String)] = [
        "cors": ("GetBucketCORS", "PutBucketCORS", "PutBucketCORS"),
        "website": ("GetBucketWebsite", "PutBucketWebsite", "DeleteBucketWebsite"),
        "lifecycle": ("GetLifecycleConfiguration", "PutLifecycleConfiguration", "PutLifecycleConfiguration"),
        "tagging": ("GetBucketTagging", "PutBucketTagging", "PutBucketTagging"),
        "versioning": ("GetBucketVersioning", "PutBucketVersioning", "PutBucketVersioning"),
        "policy": ("GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy"),
        "policyStatus": ("GetBucketPolicyStatus", "GetBucketPolicyStatus", "GetBucketPolicyStatus"),
        "acl": ("GetBucketAcl", "PutBucketAcl", "PutBucketAcl"),
        "ownershipControls": ("GetBucketOwnershipControls", "PutBucketOwnershipControls", "PutBucketOwnershipControls"),
        "publicAccessBlock": ("GetBucketPublicAccessBlock", "PutBucketPublicAccessBlock", "PutBucketPublicAccessBlock"),
        "notification": ("GetBucketNotification", "PutBucketNotification", "PutBucketNotification"),
        "location": ("GetBucketLocation", "GetBucketLocation", "GetBucketLocation"),
        "uploads": ("ListBucketMultipartUploads", "ListBucketMultipartUploads", "ListBucketMultipartUploads"),
        "versions": ("ListBucketVersions", "ListBucketVersions", "ListBucketVersions"),
    ]

    static func of(_ request: S3Request, operation: any S3Operation.Type) -> AccessRequirement {
        guard request.bucket != nil, operation != CreateBucket.self else { return .signedIn }
        if operation == PostObject.self || operation == DeleteObjects.self { return .perItem }
        let method = request.method
        guard request.key != nil else {
            if operation == DeleteBucket.self { return .actions([.bucket("DeleteBucket")], copySource: nil) }
            for item in request.query {
                guard let names = bucketSubresources[item.name] else { continue }
                let name =
                    method == "GET" || method == "HEAD" ? names.get : method == "DELETE" ? names.delete : names.put
                let permission: ACLPermission? =
                    switch name {
                    case "GetBucketAcl": .readACP
                    case "PutBucketAcl": .writeACP
                    case "ListBucketMultipartUploads", "ListBucketVersions": .read
                    default: nil
                    }
                return .actions([.bucket(name, permission)], copySource: nil)
            }
            return .actions([.listBucket], copySource: nil)
        }
        return objectRequirement(request, operation: operation)
    }

    static func objectRequirement(_ request: S3Request, operation: any S3Operation.Type) -> AccessRequirement {
        let method = request.method
        let version = request.hasQuery("versionId") ? "Version" : ""
        if request.hasQuery("tagging") {
            let verb = method == "GET" ? "Get" : method == "DELETE" ? "Delete" : "Put"
            let action: S3Action =
                verb == "Get"
                ? .object("GetObject\(version)Tagging") : .key("\(verb)Object\(version)Tagging", nil)
            return .actions([action], copySource: nil)
        }
        if request.hasQuery("acl") {
            let action: S3Action =
                method == "PUT"
                ? .object("PutObject\(version)Acl", .writeACP) : .object("GetObject\(version)Acl", .readACP)
            return .actions([action], copySource: nil)
        }
        if request.hasQuery("attributes") {
            return .actions([.object("GetObject\(version)Attributes", .read)], copySource: nil)
        }
        switch operation {
        case is GetObject.Type: return .actions([version.isEmpty ? .getObject : .getObjectVersion], copySource: nil)
        case is ListParts.Type: return .actions([.key("ListMultipartUploadParts")], copySource: nil)
        case is AbortMultipartUpload.Type: return .actions([.key("AbortMultipartUpload")], copySource: nil)
        case is DeleteObject.Type:
            return .actions([version.isEmpty ? .deleteObject : .deleteObjectVersion], copySource: nil)
        default: break
        }
        var actions = [S3Action.putObject]
        let setsACL =
            request.headers["x-amz-acl"] != nil
            || RequestedACL.grantHeaders.contains { request.headers[$0.header] != nil }
        if setsACL && operation != UploadPart.self && operation != CompleteMultipartUpload.self {
            // The object is new: the writer's right to give it an ACL comes from the bucket, like the write.
            actions.append(.key("PutObjectAcl"))
        }
        let copies = request.headers["x-amz-copy-source"] != nil
        let sourceVersion = request.headers["x-amz-copy-source"]?.contains("versionId=") == true
        return .actions(actions, copySource: copies ? (sourceVersion ? .getObjectVersion : .getObject) : nil)
    }
}
