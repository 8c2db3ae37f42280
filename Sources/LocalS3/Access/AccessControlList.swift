/// An ACL permission.
public enum ACLPermission: String, Codable, Sendable, CaseIterable {
    case fullControl = "FULL_CONTROL"
    case write = "WRITE"
    case writeACP = "WRITE_ACP"
    case read = "READ"
    case readACP = "READ_ACP"

    /// Whether holding this permission gives `needed` (FULL_CONTROL gives every one).
    func covers(_ needed: ACLPermission) -> Bool { self == needed || self == .fullControl }
}

/// The predefined groups an ACL can grant to.
public enum ACLGroup {
    public static let allUsers = "http://acs.amazonaws.com/groups/global/AllUsers"
    public static let authenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
    public static let logDelivery = "http://acs.amazonaws.com/groups/s3/LogDelivery"
    static let known: Set<String> = [allUsers, authenticatedUsers, logDelivery]
}

/// One grant: a canonical user (an account) or a group, and a permission.
public struct ACLGrant: Codable, Sendable, Hashable {
    /// The grantee's canonical user id (nil for a group).
    public var id: String?
    /// The grantee group's URI (nil for a canonical user).
    public var uri: String?
    public var permission: ACLPermission

    public static func user(_ id: String, _ permission: ACLPermission) -> ACLGrant {
        ACLGrant(id: id, uri: nil, permission: permission)
    }
    public static func group(_ uri: String, _ permission: ACLPermission) -> ACLGrant {
        ACLGrant(id: nil, uri: uri, permission: permission)
    }

    /// Grants to everyone or to every signed-in AWS user: what public access blocks are about.
    var isPublic: Bool { uri == ACLGroup.allUsers || uri == ACLGroup.authenticatedUsers }

    /// Whether this grant applies to a requester (nil: anonymous).
    func applies(to requester: S3User?) -> Bool {
        if let id { return id == requester?.canonicalID }
        switch uri {
        case ACLGroup.allUsers: return true
        case ACLGroup.authenticatedUsers: return requester != nil
        default: return false
        }
    }
}

/// The canned ACLs S3 knows, expanded into grants.
enum CannedACL {
    static let names: Set<String> = [
        "private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read", "bucket-owner-read",
        "bucket-owner-full-control", "log-delivery-write",
    ]

    /// The grants of a canned ACL for an owner (and, for the `bucket-owner-*` ones, the bucket's owner).
    static func grants(_ name: String, owner: String, bucketOwner: String) -> [ACLGrant] {
        var grants = [ACLGrant.user(owner, .fullControl)]
        switch name {
        case "public-read": grants.append(.group(ACLGroup.allUsers, .read))
        case "public-read-write":
            grants += [.group(ACLGroup.allUsers, .read), .group(ACLGroup.allUsers, .write)]
        case "authenticated-read": grants.append(.group(ACLGroup.authenticatedUsers, .read))
        case "bucket-owner-read" where bucketOwner != owner: grants.append(.user(bucketOwner, .read))
        case "bucket-owner-full-control" where bucketOwner != owner: grants.append(.user(bucketOwner, .fullControl))
        case "log-delivery-write":
            grants += [.group(ACLGroup.logDelivery, .write), .group(ACLGroup.logDelivery, .readACP)]
        default: break
        }
        return grants
    }

    /// InvalidArgument (400) for a name S3 does not know.
    static func validate(_ value: String) throws {
        guard names.contains(value) else { throw S3Error.invalidArgument("x-amz-acl", value, "") }
    }
}

/// The ACL a request asks for: a canned name (`x-amz-acl`), explicit grants (`x-amz-grant-*` headers or an
/// `AccessControlPolicy` document), or nothing.
enum RequestedACL: Equatable {
    case canned(String)
    case grants([ACLGrant])

    static let grantHeaders: [(header: String, permission: ACLPermission)] = [
        ("x-amz-grant-read", .read), ("x-amz-grant-write", .write), ("x-amz-grant-read-acp", .readACP),
        ("x-amz-grant-write-acp", .writeACP), ("x-amz-grant-full-control", .fullControl),
    ]

    /// The ACL named by the request's headers (`acl` is the `x-amz-acl` value, which a POST form carries as
    /// a field), nil when there is none; grantees must be known accounts or groups.
    static func from(headers: HeaderList, canned acl: String?, users: S3Users) throws -> RequestedACL? {
        var grants: [ACLGrant] = []
        for (header, permission) in grantHeaders {
            for value in headers.values(header) {
                grants += try parseGrantHeader(value, header: header, permission: permission, users: users)
            }
        }
        if let acl {
            guard grants.isEmpty else {
                throw S3Error(.invalidRequest, "Specifying both Canned ACLs and Header Grants is not allowed")
            }
            try CannedACL.validate(acl)
            return .canned(acl)
        }
        return grants.isEmpty ? nil : .grants(grants)
    }

    /// `id="…", uri="…", emailAddress="…"`, comma separated.
    static func parseGrantHeader(_ value: String, header: String, permission: ACLPermission, users: S3Users) throws
        -> [ACLGrant]
    {
        try value.split(separator: ",").map { item in
            let text = item.trimmingCharacters(in: .whitespaces)
            guard let equals = text.firstIndex(of: "=") else {
                throw S3Error.invalidArgument(header, value, "Invalid grant header")
            }
            let type = text[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var grantee = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if grantee.count >= 2 && grantee.hasPrefix("\"") && grantee.hasSuffix("\"") {
                grantee = String(grantee.dropFirst().dropLast())
            }
            return try grant(type: type, value: grantee, permission: permission, users: users)
        }
    }

    /// One grantee, checked as S3 checks it: a known canonical id, a known group, no e-mail addresses.
    static func grant(type: String, value: String, permission: ACLPermission, users: S3Users) throws -> ACLGrant {
        switch type {
        case "id":
            guard users.knowsCanonicalID(value) else {
                throw S3Error.invalidArgument("CanonicalUser/ID", value, "Invalid id")
            }
            return .user(value, permission)
        case "uri":
            guard ACLGroup.known.contains(value) else {
                throw S3Error.invalidArgument("Group/URI", value, "Invalid group uri")
            }
            return .group(value, permission)
        case "emailaddress":
            throw S3Error(
                .unresolvableGrantByEmailAddress,
                "The e-mail address you provided does not match any account on record.",
                details: [.init("EmailAddress", value)])
        default:
            throw S3Error.invalidArgument("x-amz-grant", type, "Argument format not recognized")
        }
    }

    /// The grants this ACL gives an object or bucket owned by `owner` in a bucket owned by `bucketOwner`.
    func grants(owner: String, bucketOwner: String) -> [ACLGrant] {
        switch self {
        case .canned(let name): CannedACL.grants(name, owner: owner, bucketOwner: bucketOwner)
        case .grants(let grants): grants
        }
    }
}

/// `AccessControlPolicy` documents: parsed from PutBucketAcl/PutObjectAcl bodies, written for the GETs.
enum AccessControlPolicyDocument {
    /// The grants of a document; MalformedACLError when it is not one.
    static func parse(_ body: [UInt8], users: S3Users) throws -> [ACLGrant] {
        let document: XMLTree
        do {
            document = try XMLTree.parse(body, root: "AccessControlPolicy")
        } catch {
            throw malformed()
        }
        guard let list = document.child("AccessControlList") else { throw malformed() }
        return try list.all("Grant").map { grant in
            guard let grantee = grant.child("Grantee"), let permissionText = grant.value("Permission"),
                let permission = ACLPermission(rawValue: permissionText)
            else { throw malformed() }
            if let id = grantee.value("ID") {
                return try RequestedACL.grant(type: "id", value: id, permission: permission, users: users)
            }
            if let uri = grantee.value("URI") {
                return try RequestedACL.grant(type: "uri", value: uri, permission: permission, users: users)
            }
            if let email = grantee.value("EmailAddress") {
                return try RequestedACL.grant(type: "emailaddress", value: email, permission: permission, users: users)
            }
            throw malformed()
        }
    }

    static func malformed() -> S3Error {
        S3Error(
            .malformedACLError,
            "The XML you provided was not well-formed or did not validate against our published schema")
    }

    /// The GET answer: owner and grants, each canonical user with its display name.
    static func render(owner: String, grants: [ACLGrant], users: S3Users) -> S3Response {
        var xml = XMLWriter(root: "AccessControlPolicy")
        xml.group("Owner") {
            $0.element("ID", owner)
            $0.element("DisplayName", users.displayName(canonicalID: owner))
        }
        xml.group("AccessControlList") { xml in
            for grant in grants {
                xml.open("Grant")
                let type = grant.id != nil ? "CanonicalUser" : "Group"
                xml.rawText(
                    #"<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="\#(type)">"#)
                if let id = grant.id {
                    xml.element("ID", id)
                    xml.element("DisplayName", users.displayName(canonicalID: id))
                }
                xml.element("URI", grant.uri)
                xml.rawText("</Grantee>")
                xml.element("Permission", grant.permission.rawValue)
                xml.close()
            }
        }
        return .xml(xml)
    }
}
