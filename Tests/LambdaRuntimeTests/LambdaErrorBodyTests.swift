import Foundation
import LambdaRuntime
import Testing

/// The error document the runtime posts reads back as what it was made from.
@Suite struct LambdaErrorBodyTests {
    @Test func jsonBytesRoundTripThroughADecoder() throws {
        let body = LambdaErrorBody(
            errorType: "Handler.Failed", errorMessage: "line \"one\"\nline two\t/ äö \u{1}",
            stackTrace: ["frame 1", "frame \\2"])
        let bytes = body.jsonBytes
        #expect(try JSONDecoder().decode(LambdaErrorBody.self, from: Data(bytes)) == body)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix(#"{"errorMessage":"line \"one\"\nline two"#))
    }

    @Test func anEmptyTraceIsAnEmptyList() {
        let text = String(decoding: LambdaErrorBody(errorType: "T", errorMessage: "m").jsonBytes, as: UTF8.self)
        #expect(text == #"{"errorMessage":"m","errorType":"T","stackTrace":[]}"#)
    }
}
