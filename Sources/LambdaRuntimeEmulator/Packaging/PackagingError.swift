/// Why a function could not be packaged or unpacked.
public enum PackagingError: Error, Equatable, CustomStringConvertible {
    case missingLibrary(String)
    case commandFailed(command: String, status: Int32, output: String)
    case missingPackage(function: String, path: String)
    case missingExecutable(String)
    /// A zip over Lambda's 50 MB direct-upload limit (or unzipped over 250 MB).
    case tooLarge(function: String, bytes: Int, limit: Int, largest: [String])
    /// The package's bootstrap did not reach its handler with only Lambda's variables set.
    case doesNotStart(function: String, reason: String, log: [String])

    public var description: String {
        switch self {
        case .missingLibrary(let soname): return "ldd cannot resolve \(soname); install it before packaging"
        case .commandFailed(let command, let status, let output):
            return "\(command) exited with \(status): \(output)"
        case .missingPackage(let function, let path):
            return "no package for \(function) at \(path); run `make package` first"
        case .missingExecutable(let path): return "no executable at \(path)"
        case .tooLarge(let function, let bytes, let limit, let largest):
            let culprits = largest.prefix(5).joined(separator: ", ")
            return
                "\(function) is \(bytes / 1_000_000) MB, over Lambda's \(limit / 1_000_000) MB limit; largest: \(culprits)"
        case .doesNotStart(let function, let reason, let log):
            let tail = log.suffix(15).joined(separator: "\n  ")
            return "\(function)'s package does not start on its own: \(reason)" + (tail.isEmpty ? "" : "\n  \(tail)")
        }
    }
}
