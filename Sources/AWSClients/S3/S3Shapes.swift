import BuildingBlocks

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What HeadObject and GetObject report about an object.
public struct S3ObjectInfo: Sendable, Equatable {
    public var contentLength: Int
    public var contentType: String?
    public var eTag: String?
    public var lastModified: String?
    /// `x-amz-meta-*` headers, names without the prefix, lowercased.
    public var metadata: [String: String]
}

/// One object of a listing.
public struct S3ObjectSummary: Sendable, Equatable {
    public var key: String
    public var size: Int
    public var eTag: String?
    public var lastModified: String?
}

/// One page of ListObjectsV2.
public struct S3ListPage: Sendable, Equatable {
    public var objects: [S3ObjectSummary]
    public var commonPrefixes: [String]
    public var isTruncated: Bool
    /// Pass to the next call to continue; nil on the last page.
    public var nextContinuationToken: String?

    /// Reads a `ListBucketResult` document, undoing `encoding-type=url` when the response says it applied it.
    static func parse(_ body: [UInt8]) throws(AWSClientError) -> S3ListPage {
        let root: XMLElementTree
        do {
            root = try XMLElementTree.parse(body)
        } catch {
            throw .invalidResponse("ListObjectsV2 answered with a body that is not XML: \(error)")
        }
        guard root.name == "ListBucketResult" else {
            throw .invalidResponse("ListObjectsV2 answered with <\(root.name)>, not a ListBucketResult")
        }
        let urlEncoded = root.text(of: "EncodingType") == "url"
        func decode(_ text: String) -> String {
            urlEncoded ? (PercentEncoding.decode(text.replacing("+", with: " ")) ?? text) : text
        }
        let objects = root.children(named: "Contents").map { node in
            S3ObjectSummary(
                key: decode(node.text(of: "Key") ?? ""), size: Int(node.text(of: "Size") ?? "") ?? 0,
                eTag: node.text(of: "ETag"), lastModified: node.text(of: "LastModified"))
        }
        let prefixes = root.children(named: "CommonPrefixes").compactMap { $0.text(of: "Prefix").map(decode) }
        return S3ListPage(
            objects: objects, commonPrefixes: prefixes, isTruncated: root.text(of: "IsTruncated") == "true",
            nextContinuationToken: root.text(of: "NextContinuationToken"))
    }
}
