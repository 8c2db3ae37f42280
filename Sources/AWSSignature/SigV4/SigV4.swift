/// SigV4 (AWS4-HMAC-SHA256) constants and the core computation.
public enum SigV4 {
    /// The algorithm name in Authorization headers, `X-Amz-Algorithm` and strings to sign.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// Presigned URLs may live at most one week.
    public static let presignExpiryRange = 1...604_800

    /// `AWS4-HMAC-SHA256\n<timestamp>\n<scope>\n<hex sha256 of canonical request>`.
    public static func stringToSign(canonicalRequestHash: String, date: AmzDate, scope: CredentialScope) -> String {
        "\(algorithm)\n\(date.timestamp)\n\(scope)\n\(canonicalRequestHash)"
    }

    /// Signs `request` as of `date` within `scope`.
    public static func sign(
        request: SignableRequest, signedHeaders: [String], payloadHash: String, date: AmzDate,
        scope: CredentialScope, signingKey: SigningKey, style: CanonicalURIStyle
    ) throws(SigV4Error) -> SigV4Signature {
        let canonical = try CanonicalRequest(
            request: request, signedHeaders: signedHeaders, payloadHash: payloadHash, style: style)
        let stringToSign = stringToSign(canonicalRequestHash: canonical.hashHex, date: date, scope: scope)
        return SigV4Signature(
            canonicalRequest: canonical, stringToSign: stringToSign,
            signature: signingKey.signature(of: stringToSign), signingKey: signingKey, date: date, scope: scope)
    }

    /// The request time from `X-Amz-Date`, else from a `Date` header written in the same basic form.
    public static func requestDate(headers: [(name: String, value: String)]) throws(SigV4Error) -> AmzDate {
        for wanted in ["x-amz-date", "date"] {
            guard let value = headers.first(where: { $0.name.lowercased() == wanted })?.value else { continue }
            let trimmed = value.trimmingSpaces
            guard let date = AmzDate(trimmed) else {
                if wanted == "date" { break }
                throw .malformedDate(trimmed)
            }
            return date
        }
        throw .missingDate
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
            let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
