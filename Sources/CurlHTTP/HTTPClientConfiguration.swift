#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Settings shared by every request of one `HTTPClient`.
public struct HTTPClientConfiguration: Sendable {
    /// The CA bundle for TLS verification; nil leaves libcurl's built-in default.
    public var caBundlePath: String?
    /// Sent as `User-Agent` unless a request sets its own.
    public var userAgent: String

    public init(caBundlePath: String? = CABundle.locate(), userAgent: String = CurlHTTP.defaultUserAgent) {
        self.caBundlePath = caBundlePath
        self.userAgent = userAgent
    }
}

/// Finds the CA certificate bundle, so one binary verifies TLS on both Debian and Amazon Linux.
public enum CABundle {
    /// Debian/Ubuntu first, then Amazon Linux / RHEL.
    public static let wellKnownPaths = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"]

    /// `SSL_CERT_FILE` when set and non-empty, else the first of `candidates` that exists, else nil.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        candidates: [String] = wellKnownPaths,
        fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> String? {
        if let configured = environment["SSL_CERT_FILE"], !configured.isEmpty { return configured }
        return candidates.first(where: fileExists)
    }
}
