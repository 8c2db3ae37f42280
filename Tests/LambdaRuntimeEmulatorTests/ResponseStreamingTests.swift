import Foundation
import Testing

@testable import LambdaRuntimeEmulator

/// The Swift streaming sample (`streaming-bootstrap`) in a real environment: parts reach the caller one by one.
@Suite struct ResponseStreamingTests {
    static func streamingFunction() throws -> FunctionConfiguration {
        var function = try Fixtures.function(name: "streamer")
        let bootstrap = function.codeDirectory.appendingPathComponent("bootstrap")
        try FileManager.default.removeItem(at: bootstrap)
        try FileManager.default.createSymbolicLink(
            at: bootstrap,
            withDestinationURL: Fixtures.echoBootstrap.deletingLastPathComponent().appendingPathComponent(
                "streaming-bootstrap"))
        function.timeout = .seconds(10)
        return function
    }

    @Test func partsReachTheCallerAsTheyAreWritten() async throws {
        let environment = ExecutionEnvironment(function: try Self.streamingFunction(), logger: Fixtures.logger)
        let stream = ResponseStream()
        let collected = Task {
            var parts: [ResponseStream.Part] = []
            for await part in stream.parts { parts.append(part) }
            return parts
        }
        let result = await environment.invoke(
            Fixtures.request(#"{"parts":3,"delayMilliseconds":100}"#), stream: stream)
        stream.finish()
        #expect(!result.isFunctionError)
        let parts = await collected.value
        #expect(parts.first == .contentType("text/plain"))
        let chunks = parts.compactMap { part -> String? in
            if case .chunk(let bytes) = part { return String(decoding: bytes, as: UTF8.self) }
            return nil
        }
        #expect(chunks.joined() == "part 0\npart 1\npart 2\n")
        // Writes 100 ms apart arrive as separate parts: the runtime sends each as it is written and the emulator
        // forwards each as it arrives (a loaded machine may still merge two).
        #expect(chunks.count >= 2)
        await environment.shutdown()
    }

    @Test func aCallerThatDoesNotStreamGetsTheCollectedBody() async throws {
        let environment = ExecutionEnvironment(function: try Self.streamingFunction(), logger: Fixtures.logger)
        let result = await environment.invoke(Fixtures.request(#"{"parts":2,"delayMilliseconds":1}"#))
        #expect(result.text == "part 0\npart 1\n")
        #expect(result.contentType == "text/plain")
        await environment.shutdown()
    }
}
