import ArgumentParser
import Foundation
import JSONLogging
import LambdaRuntimeEmulator
import Logging

/// `lambda-emulator invoke`: one invocation, like `sam local invoke`.
struct Invoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Invoke one function once: response on stdout, logs on stderr, non-zero exit on function error.")

    @Argument(help: "The function to invoke.")
    var function: String

    @Option(help: "File holding the event JSON ('-' reads stdin); {} when omitted.")
    var event: String?

    @OptionGroup var functionOptions: FunctionOptions

    func run() async throws {
        let logger = EmulatorLogging.bootstrap()
        let payload: [UInt8]
        switch event {
        case nil: payload = Array("{}".utf8)
        case "-": payload = Array(FileHandle.standardInput.readDataToEndOfFile())
        case let path?: payload = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(payload), options: [.fragmentsAllowed])
        } catch {
            throw ValidationError("the event is not valid JSON: \(error.localizedDescription)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lambda-invoke-\(UUID().uuidString)")
        // A temporary folder: a failed removal leaves a leftover the system cleans up.
        defer { try? FileManager.default.removeItem(at: scratch) }
        let emulator = try LambdaEmulator(
            functions: try functionOptions.configurations(), options: .init(dataDirectory: scratch), logger: logger)
        let result = try await emulator.invoke(
            function: function, request: InvocationRequest(requestID: UUID().uuidString.lowercased(), payload: payload))
        await emulator.shutdown()
        FileHandle.standardOutput.write(Data(result.payload + [UInt8(ascii: "\n")]))
        if result.isFunctionError { throw ExitCode(1) }
    }
}
