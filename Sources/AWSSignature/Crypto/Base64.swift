#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Standard (RFC 4648, padded) base64 as S3 checksum and Content-MD5 headers use it.
public enum Base64 {
    /// Padded base64 of `bytes`.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The bytes of a padded base64 string, or nil if it is not valid base64.
    public static func decode(_ string: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: string) else { return nil }
        return [UInt8](data)
    }
}
