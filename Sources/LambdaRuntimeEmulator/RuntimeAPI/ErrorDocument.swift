import BuildingBlocks
import LocalDynamo

/// Turns what a runtime posted on `/error` or `/init/error` into the document the invoker sees.
enum ErrorDocument {
    /// The body verbatim when it is a JSON object (minus `errorCause`, as Lambda strips it);
    /// otherwise a synthesised `{"errorType":<header>,"errorMessage":"Unknown application error occurred"}`.
    static func normalise(_ body: [UInt8], headerType: String?) -> [UInt8] {
        guard var members = members(of: body) else {
            return make(type: headerType ?? "Runtime.Unknown", message: "Unknown application error occurred")
        }
        guard members.removeValue(forKey: "errorCause") != nil else { return body }
        return JSON.object(members).serialized()
    }

    /// `{"errorMessage":…,"errorType":…}` as bytes.
    static func make(type: String, message: String) -> [UInt8] {
        Array(#"{"errorMessage":\#(JSONText.quote(message)),"errorType":\#(JSONText.quote(type))}"#.utf8)
    }

    /// The `errorType` of an error document, if it has one.
    static func type(of body: [UInt8]) -> String? {
        guard case .string(let type)? = members(of: body)?["errorType"] else { return nil }
        return type
    }

    /// The members of a body that is a JSON object. A runtime may post any bytes; for anything else Lambda
    /// synthesises the document, so where the parser stopped has no reader.
    private static func members(of body: [UInt8]) -> [String: JSON]? {
        (try? JSON.parse(body))?.objectValue
    }
}
