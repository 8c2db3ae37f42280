import Foundation
import Testing

@testable import LambdaRuntimeEmulator

/// Bad input names where it goes wrong, and cleanup of temporary folders reports instead of hiding.
@Suite struct InputErrorTests {
    @Test func anInvokePayloadThatIsNotJSONNamesTheByte() {
        #expect(
            throws: InvokeAPIError.invalidContent(
                "Could not parse request body into json: unexpected character at byte 6")
        ) {
            try InvokeOperation.checkedPayload(Array(#"{"a": x}"#.utf8))
        }
        #expect((try? InvokeOperation.checkedPayload([])) == Array("{}".utf8))
        #expect((try? InvokeOperation.checkedPayload(Array("42".utf8))) == Array("42".utf8))
    }

    @Test func anEnvironmentFileThatIsNotJSONNamesTheByte() {
        var functions: [FunctionConfiguration] = []
        #expect(
            throws: FunctionSpecification.Failure.invalidEnvironmentFile(
                "not valid JSON (unexpected character at byte 11)")
        ) {
            try FunctionSpecification.applyEnvironmentFile(Data(#"{"f": {"A" 1}}"#.utf8), to: &functions)
        }
        #expect(throws: FunctionSpecification.Failure.invalidEnvironmentFile("not a JSON object")) {
            try FunctionSpecification.parameters(in: Data("[1]".utf8))
        }
    }

    @Test func environmentValuesMayBeNumbersAndBooleans() throws {
        let parameters = try FunctionSpecification.parameters(
            in: Data(#"{"Parameters": {"Port": 8080, "Debug": true, "Name": "x"}}"#.utf8))
        #expect(parameters == ["Port": "8080", "Debug": "true", "Name": "x"])
    }

    @Test func removingAScratchFolderThatIsGoneIsNotAnError() throws {
        let scratch = ScratchDirectory(prefix: "input-error-test")
        try FileManager.default.removeItemIfPresent(at: scratch.url)
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(atPath: scratch.url.appendingPathComponent("file").path, contents: Data()))
        scratch.remove()
        #expect(!FileManager.default.fileExists(atPath: scratch.url.path))
    }
}
