import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A moto server (a third-party AWS mock from requirements-dev.txt) on a free loopback port, for one test.
final class MotoServer: Sendable {
    let endpoint: String
    private let process: Process

    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The project's Python virtual environment's binaries.
    static let venvBin = repositoryRoot.appendingPathComponent(".venv/bin")

    enum StartError: Error, CustomStringConvertible {
        case missing(String)
        case exited(Int32)
        case notListening(Int)

        var description: String {
            switch self {
            case .missing(let path): "\(path) is missing: run `make deps` to build .venv"
            case .exited(let status): "moto_server exited with \(status) before listening"
            case .notListening(let port): "moto_server did not listen on \(port) within 30 s"
            }
        }
    }

    init() throws {
        let executable = Self.venvBin.appendingPathComponent("moto_server").path
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw StartError.missing(executable) }
        let port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        endpoint = "http://127.0.0.1:\(port)"
        let deadline = Date().addingTimeInterval(30)
        while !Self.accepts(port: port) {
            guard process.isRunning else { throw StartError.exited(process.terminationStatus) }
            guard Date() < deadline else {
                process.terminate()
                throw StartError.notListening(port)
            }
            usleep(50_000)
        }
    }

    /// Stops the server. Tests call it in a `defer`: Swift may end an object's lifetime at its last use,
    /// which would stop the server while later requests still need it.
    func stop() {
        guard process.isRunning else { return }
        // moto_server's dev server does not exit on SIGTERM; it holds nothing worth flushing.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }

    /// A port the kernel just handed out (moto cannot take port 0 and report it).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }

    /// Runs a Python snippet with boto3 against this server; returns its standard output.
    func python(_ script: String) throws -> String {
        let runner = Process()
        runner.executableURL = Self.venvBin.appendingPathComponent("python")
        runner.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_ACCESS_KEY_ID"] = "testing"
        environment["AWS_SECRET_ACCESS_KEY"] = "testing"
        environment["AWS_DEFAULT_REGION"] = "us-east-1"
        environment["ENDPOINT"] = endpoint
        runner.environment = environment
        let output = Pipe()
        runner.standardOutput = output
        try runner.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        runner.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
