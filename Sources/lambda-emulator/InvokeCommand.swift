import ArgumentParser
import Foundation
import JSONLogging
import LambdaRuntimeEmulator
import Logging

/// `lambda-emulator invoke`: one invocation, like `sam local invoke`.
struct Invoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Invoke one function once: response on stdout, logs on stderr, exit code 1 on a function error.",
        discussion: """
            The function gets what `serve` would give it: the template's variables, --env-vars, local endpoints \
            and credentials. When a `serve` listens on --data-dir (its serve.json), its LocalDynamo, LocalS3 and \
            Invoke API are used; otherwise LocalDynamo and LocalS3 run in-process on --data-dir for the call, \
            with the template's tables and buckets. An AWS_ENDPOINT_URL_* set in the environment wins.
            """)

    @Argument(help: "The function to invoke.")
    var function: String

    @Option(help: "File holding the event JSON ('-' reads stdin); {} when omitted.")
    var event: String?

    @OptionGroup var functionOptions: FunctionOptions

    @Option(name: .customLong("data-dir"), help: "The data directory of `serve` (found through its serve.json).")
    var dataDirectory = ".local-data"

    @Flag(
        name: .customLong("no-local-services"), help: "Neither use a running serve nor start LocalDynamo and LocalS3.")
    var noLocalServices = false

    @Flag(help: "Print the response JSON indented.")
    var pretty = false

    @Flag(
        name: .customLong("wait-for-debugger"),
        help: """
            Start the function's process, print its pid and wait for Enter before delivering the event, so a \
            debugger can attach (lldb -p PID); the function's timeout is not enforced meanwhile.
            """)
    var waitForDebugger = false

    func validate() throws {
        if waitForDebugger && event == "-" {
            throw ValidationError("--wait-for-debugger reads Enter from standard input: give the event as a file")
        }
    }

    func run() async throws {
        let logger = EmulatorLogging.bootstrap()
        let payload = try readEvent()
        let loaded = try functionOptions.load()
        let scratchDirectory = ScratchDirectory(prefix: "lambda-invoke")
        defer { scratchDirectory.remove() }
        let scratch = scratchDirectory.url
        let emulator = try LambdaEmulator(
            functions: loaded.functions, options: .init(dataDirectory: scratch, enforcesTimeouts: !waitForDebugger),
            logger: logger)
        guard emulator.functions[function] != nil else {
            throw ValidationError(
                "no function named \(function); known: \(emulator.functions.keys.sorted().joined(separator: ", "))")
        }
        let stack = try await InvokeStack.prepare(
            dataDirectory: URL(fileURLWithPath: dataDirectory), localServices: !noLocalServices,
            template: loaded.template, emulator: emulator, logger: logger)
        FileHandle.standardError.write(Data((stack.description + "\n").utf8))
        emulator.setSharedEnvironment(stack.functionEnvironment)
        let result: InvocationResult
        do {
            if waitForDebugger { try await waitForDebuggerToAttach(emulator) }
            result = try await emulator.invoke(
                function: function,
                request: InvocationRequest(requestID: UUID().uuidString.lowercased(), payload: payload))
        } catch {
            await emulator.shutdown()
            await stack.stop()
            throw error
        }
        await emulator.shutdown()
        await stack.stop()
        FileHandle.standardOutput.write(
            Data(ResponseText.format(result.payload, pretty: pretty) + [UInt8(ascii: "\n")]))
        if result.isFunctionError { throw ExitCode(1) }
    }

    /// Starts the environment, names its pid and waits for Enter (or the end of standard input).
    private func waitForDebuggerToAttach(_ emulator: LambdaEmulator) async throws {
        guard let pid = try await emulator.startEnvironment(function: function) else {
            FileHandle.standardError.write(Data("invoke: \(function)'s init failed; invoking shows why\n".utf8))
            return
        }
        FileHandle.standardError.write(
            Data(
                ("invoke: \(function) runs as pid \(pid) and waits for its event; attach a debugger "
                    + "(lldb -p \(pid)), continue it, then press Enter to deliver the event\n").utf8))
        await StandardInput.nextLine()
    }

    private func readEvent() throws -> [UInt8] {
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
        return payload
    }
}

/// The response as `invoke` prints it: as the function sent it, or indented with `--pretty`.
enum ResponseText {
    static func format(_ payload: [UInt8], pretty: Bool) -> [UInt8] {
        guard pretty else { return payload }
        do {
            let value = try JSONSerialization.jsonObject(with: Data(payload), options: [.fragmentsAllowed])
            let options: JSONSerialization.WritingOptions = [
                .prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed,
            ]
            return Array(try JSONSerialization.data(withJSONObject: value, options: options))
        } catch {
            return payload  // Not JSON (a function may answer any bytes): printed as sent.
        }
    }
}

/// Standard input read off the cooperative pool: a blocking read waits on its own thread.
enum StandardInput {
    /// Returns once a line (or the end of input) arrives.
    static func nextLine() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let reader = Thread {
                _ = readLine()  // The line's text does not matter: Enter is the signal.
                done.resume()
            }
            reader.start()
        }
    }
}
