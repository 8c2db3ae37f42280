/// Why a SigV4 value could not be parsed or a signature could not be computed.
public enum SigV4Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// The Authorization header does not start with `AWS4-HMAC-SHA256` (the value found).
    case unsupportedAlgorithm(String)
    /// A required Authorization component (`Credential`, `SignedHeaders`, `Signature`) is absent.
    case missingComponent(String)
    /// An Authorization component appears twice.
    case duplicateComponent(String)
    /// The credential is not `<key>/<yyyymmdd>/<region>/<service>/aws4_request` (the value found).
    case malformedCredential(String)
    /// The signed-header list is empty or has empty or upper-case names (the value found).
    case malformedSignedHeaders(String)
    /// The signature is not 64 lowercase hex digits (the value found).
    case malformedSignature(String)
    /// A presigned-URL query parameter is absent (its name).
    case missingQueryParameter(String)
    /// `X-Amz-Date` (or the `x-amz-date` header) is not `yyyyMMdd'T'HHmmss'Z'` (the value found).
    case malformedDate(String)
    /// The request has neither `X-Amz-Date` nor a `Date` header in SigV4 form.
    case missingDate
    /// `X-Amz-Expires` is not an integer (the value found).
    case malformedExpires(String)
    /// `X-Amz-Expires` is outside 1...604800 seconds (the value found).
    case expiresOutOfRange(Int)
    /// A header named in SignedHeaders is not in the request (its lower-case name).
    case signedHeaderMissing(String)
    /// The request to sign has no `Host` header.
    case missingHost

    /// A message naming the field at fault.
    public var description: String {
        switch self {
        case .unsupportedAlgorithm(let value):
            return "Unsupported authorization algorithm '\(value)'; expected AWS4-HMAC-SHA256."
        case .missingComponent(let name): return "The authorization header is missing '\(name)'."
        case .duplicateComponent(let name): return "The authorization header repeats '\(name)'."
        case .malformedCredential(let value):
            return "Malformed credential '\(value)'; expected <key>/<yyyymmdd>/<region>/<service>/aws4_request."
        case .malformedSignedHeaders(let value): return "Malformed SignedHeaders '\(value)'."
        case .malformedSignature(let value): return "Malformed signature '\(value)'; expected 64 hex digits."
        case .missingQueryParameter(let name):
            return "Query-string authentication version 4 requires the \(name) parameter."
        case .malformedDate(let value): return "Malformed X-Amz-Date '\(value)'; expected yyyyMMdd'T'HHmmss'Z'."
        case .missingDate: return "The request has no X-Amz-Date or Date header."
        case .malformedExpires(let value): return "X-Amz-Expires '\(value)' is not a number of seconds."
        case .expiresOutOfRange(let value):
            return "X-Amz-Expires \(value) must be between 1 and 604800 seconds (one week)."
        case .signedHeaderMissing(let name): return "Signed header '\(name)' is not present in the request."
        case .missingHost: return "The request to sign has no Host header."
        }
    }
}
