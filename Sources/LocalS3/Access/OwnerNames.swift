/// Writes the `Owner` elements of listings: an object's owner (else the bucket's), with its display name.
struct OwnerNames {
    let bucketOwner: String
    let users: S3Users

    func write(id: String? = nil, role: String = "Owner", into xml: inout XMLWriter) {
        let id = id ?? bucketOwner
        xml.group(role) {
            $0.element("ID", id)
            $0.element("DisplayName", users.displayName(canonicalID: id))
        }
    }
}

extension AccessGrant {
    var ownerNames: OwnerNames { OwnerNames(bucketOwner: bucketOwner, users: users) }
}
