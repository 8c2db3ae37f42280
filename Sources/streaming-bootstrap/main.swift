import Foundation
import LambdaRuntime

/// The sample streaming function: writes `parts` lines (default 3), `delayMilliseconds` apart (default 500),
/// as `text/plain`; through a Function URL (an HTTP event) it first writes the HTTP prelude. With `failAfter`,
/// it throws once that many lines are out, which ends the stream with Lambda's error trailers.
struct StreamRequest: Decodable {
    var parts: Int?
    var delayMilliseconds: Int?
    var failAfter: Int?
    var rawPath: String?
}

/// Raised on request, after some lines were streamed.
struct SampleFailure: LambdaReportableError {
    var errorType: String { "SampleFailure" }
    var errorMessage: String { "failed after streaming part of the answer" }
}

await Lambda.runStreaming {
    ClosureStreamingHandler { event, writer, _ in
        // Any other event (a Function URL's, an empty one) streams the defaults.
        let request = (try? JSONDecoder().decode(StreamRequest.self, from: Data(event))) ?? StreamRequest()
        if request.rawPath != nil {
            try await writer.writeHTTPPrelude(statusCode: 200, headers: ["content-type": "text/plain"])
        } else {
            try await writer.setContentType("text/plain")
        }
        for index in 0..<(request.parts ?? 3) {
            if index > 0 { try await Task.sleep(for: .milliseconds(request.delayMilliseconds ?? 500)) }
            if let failAfter = request.failAfter, index == failAfter { throw SampleFailure() }
            try await writer.write(Array("part \(index)\n".utf8))
        }
    }
}
