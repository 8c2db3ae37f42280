import Foundation

/// Runs a helper program (`swift build`, `ldd`) and returns its standard output.
public enum PackagingProcess {
    public static func run(_ executable: String, _ arguments: [String], allowFailure: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus != 0 && !allowFailure {
            throw PackagingError.commandFailed(
                command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus,
                output: text)
        }
        return text
    }
}
