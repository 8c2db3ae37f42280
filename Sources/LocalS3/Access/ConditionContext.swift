import Foundation

/// The values a request gives policy condition keys, computed only when a condition asks for one.
struct ConditionContext {
    let request: S3Request
    let requester: S3User?
    let now: Date
    /// The bucket owner's account id, when it is a known one (`s3:ResourceAccount`).
    let resourceAccount: String?
    /// True for a browser form upload (`s3:authType` `POST`).
    var isFormUpload = false

    /// The values of a (lowercased) key, nil when the request has none.
    func values(for key: String) -> [String]? {
        if key.hasPrefix("aws:") { return globalValues(key) }
        if key.hasPrefix("s3:requestobjecttag/") {
            let name = String(key.dropFirst("s3:requestobjecttag/".count))
            return requestTags?.first { $0.key.lowercased() == name }.map { [$0.value] }
        }
        switch key {
        case "s3:prefix", "s3:delimiter", "s3:max-keys":
            return request.queryValue(String(key.dropFirst(3))).map { [$0] }
        case "s3:versionid": return request.queryValue("versionId").map { [$0] }
        case "s3:signatureversion":
            let authorization = request.headers["authorization"]
            if authorization?.hasPrefix("AWS ") == true || request.hasQuery("Signature") { return ["AWS"] }
            return authorization != nil || request.hasQuery("X-Amz-Algorithm") ? ["AWS4-HMAC-SHA256"] : nil
        case "s3:authtype":
            if isFormUpload { return ["POST"] }
            if request.headers["authorization"] != nil { return ["REST-HEADER"] }
            return request.hasQuery("X-Amz-Algorithm") || request.hasQuery("Signature") ? ["REST-QUERY-STRING"] : nil
        case "s3:resourceaccount": return resourceAccount.map { [$0] }
        case "s3:requestobjecttagkeys": return requestTags.map { $0.map(\.key) }
        default:
            // Header-named keys: `s3:x-amz-acl`, `s3:x-amz-copy-source`, `s3:if-none-match`, ...
            let values = request.headers.values(String(key.dropFirst(3)))
            return values.isEmpty ? nil : values
        }
    }

    func globalValues(_ key: String) -> [String]? {
        switch key {
        // LocalS3 serves plain HTTP only.
        case "aws:securetransport": return ["false"]
        case "aws:sourceip": return request.clientAddress.map { [$0] }
        case "aws:currenttime": return [HTTPDate.iso8601(now)]
        case "aws:epochtime": return [String(Int64(now.timeIntervalSince1970))]
        case "aws:principaltype": return [requester == nil ? "Anonymous" : "User"]
        case "aws:useragent": return request.headers["user-agent"].map { [$0] }
        case "aws:referer": return request.headers["referer"].map { [$0] }
        default: break
        }
        guard let requester else { return nil }
        switch key {
        case "aws:principalaccount": return [requester.accountID]
        case "aws:principalarn", "aws:sourcearn": return [requester.arn]
        case "aws:username": return [requester.name]
        case "aws:userid": return [requester.accessKey]
        default: return nil
        }
    }

    /// `x-amz-tagging` of the request, when it has a well-formed one.
    var requestTags: [S3Tag]? {
        // A malformed header is the operation's error to report; here it just means no tags.
        request.headers["x-amz-tagging"].flatMap { try? TagSet.parseHeader($0) }
    }
}
