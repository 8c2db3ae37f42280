#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where a request body comes from; a file is streamed from disk, never read into memory.
public enum HTTPRequestBody: Sendable {
    case none
    case bytes([UInt8])
    case data(Data)
    /// The file's size at the start of the transfer is sent as `Content-Length`.
    case file(path: String)

    /// A UTF-8 string body.
    public static func string(_ text: String) -> HTTPRequestBody { .bytes(Array(text.utf8)) }
}
