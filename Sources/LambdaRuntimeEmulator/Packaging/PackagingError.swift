/// Why a function could not be packaged or unpacked.
public enum PackagingError: Error, Equatable, CustomStringConvertible {
    case missingLibrary(String)
    case commandFailed(command: String, status: Int32, output: String)
    case missingPackage(function: String, path: String)
    case missingExecutable(String)

    public var description: String {
        switch self {
        case .missingLibrary(let soname): return "ldd cannot resolve \(soname); install it before packaging"
        case .commandFailed(let command, let status, let output):
            return "\(command) exited with \(status): \(output)"
        case .missingPackage(let function, let path):
            return "no package for \(function) at \(path); run `make package` first"
        case .missingExecutable(let path): return "no executable at \(path)"
        }
    }
}
