import Foundation

/// One tag of an object or a bucket.
public struct S3Tag: Codable, Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Tag sets as S3 reads and checks them: from `x-amz-tagging` (URL query form) or a `Tagging` document;
/// at most 10 per object (50 per bucket), keys of 1–128 and values of up to 256 characters drawn from
/// letters, digits, spaces and `+ - = . _ : / @`, unique keys, no `aws:` prefix.
enum TagSet {
    static let maximumObjectTags = 10
    static let maximumBucketTags = 50

    /// Parses `x-amz-tagging: k1=v1&k2=v2`.
    static func parseHeader(_ header: String) throws -> [S3Tag] {
        guard !header.isEmpty else { return [] }
        let tags = try header.split(separator: "&", omittingEmptySubsequences: false).map { pair -> S3Tag in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(parts[0]), let value = parts.count > 1 ? decode(parts[1]) : "" else {
                throw S3Error(
                    .invalidArgument,
                    "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates."
                )
            }
            return S3Tag(key: key, value: value)
        }
        try validate(tags, limit: maximumObjectTags)
        return tags
    }

    /// Parses a `Tagging` request body.
    static func parseDocument(_ body: [UInt8], limit: Int) throws -> [S3Tag] {
        let document = try XMLTree.parse(body, root: "Tagging")
        guard let set = document.child("TagSet") else { throw S3Error.malformedXML() }
        let tags = try set.all("Tag").map { tag -> S3Tag in
            guard let key = tag.child("Key")?.text, let value = tag.child("Value")?.text else {
                throw S3Error.malformedXML()
            }
            return S3Tag(key: key, value: value)
        }
        try validate(tags, limit: limit)
        return tags
    }

    static func validate(_ tags: [S3Tag], limit: Int) throws {
        guard tags.count <= limit else {
            throw S3Error(
                .badRequest,
                limit == maximumObjectTags
                    ? "Object tags cannot be greater than 10" : "Bucket tag count cannot be greater than 50")
        }
        var seen = Set<String>()
        for tag in tags {
            guard seen.insert(tag.key).inserted else {
                throw S3Error(.invalidTag, "Cannot provide multiple Tags with the same key")
            }
            guard (1...128).contains(tag.key.count), isAllowed(tag.key) else {
                throw S3Error(.invalidTag, "The TagKey you have provided is invalid")
            }
            guard !tag.key.lowercased().hasPrefix("aws:") else {
                throw S3Error(.invalidTag, "Your TagKey cannot be prefixed with aws:")
            }
            guard tag.value.count <= 256, isAllowed(tag.value) else {
                throw S3Error(.invalidTag, "The TagValue you have provided is invalid")
            }
        }
    }

    static func isAllowed(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || " +-=._:/@".unicodeScalars
                    .contains(scalar)
        }
    }

    /// `<Tagging><TagSet><Tag>…` as GetObjectTagging and GetBucketTagging answer.
    static func document(_ tags: [S3Tag]) -> XMLWriter {
        var xml = XMLWriter(root: "Tagging")
        xml.group("TagSet") { xml in
            for tag in tags {
                xml.group("Tag") {
                    $0.element("Key", tag.key)
                    $0.element("Value", tag.value)
                }
            }
        }
        return xml
    }

    private static func decode(_ text: Substring) -> String? {
        PercentCoding.decodeString(text.replacingOccurrences(of: "+", with: " "))
    }
}
