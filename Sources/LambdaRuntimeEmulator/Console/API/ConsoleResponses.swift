import BuildingBlocks
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The console API's answers: JSON that no other site may read, and never from a cache.
enum ConsoleResponses {
    /// Headers every console answer carries.
    static var baseHeaders: HTTPFields {
        [
            .cacheControl: "no-store", HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("X-Frame-Options")!: "DENY", HTTPField.Name("Referrer-Policy")!: "no-referrer",
            HTTPField.Name("Cross-Origin-Resource-Policy")!: "same-origin",
        ]
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Milliseconds since 1970: what a browser's `new Date(n)` takes.
        encoder.dateEncodingStrategy = .millisecondsSince1970
        do {
            return raw(Array(try encoder.encode(value)), status: status)
        } catch {
            return failure(.internal("could not encode the answer: \(error)"))
        }
    }

    /// A JSON body already serialised (LocalDynamo's answers are passed on as they are).
    static func raw(_ body: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        var headers = baseHeaders
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func failure(_ error: ConsoleError) -> Response {
        let body =
            #"{"error":{"code":\#(JSONText.quote(error.code)),"message":\#(JSONText.quote(error.message))}}"#
        return raw(Array(body.utf8), status: HTTPResponse.Status(code: error.status))
    }
}
