import BuildingBlocks
import Foundation

/// Turns what a runtime posted on `/error` or `/init/error` into the document the invoker sees.
enum ErrorDocument {
    /// The body verbatim when it is a JSON object (minus `errorCause`, as Lambda strips it);
    /// otherwise a synthesised `{"errorType":<header>,"errorMessage":"Unknown application error occurred"}`.
    static func normalise(_ body: [UInt8], headerType: String?) -> [UInt8] {
        if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
            guard object["errorCause"] != nil else { return body }
            var stripped = object
            stripped.removeValue(forKey: "errorCause")
            if let data = try? JSONSerialization.data(withJSONObject: stripped) { return Array(data) }
            return body
        }
        return make(type: headerType ?? "Runtime.Unknown", message: "Unknown application error occurred")
    }

    /// `{"errorMessage":…,"errorType":…}` as bytes.
    static func make(type: String, message: String) -> [UInt8] {
        Array(#"{"errorMessage":\#(JSONText.quote(message)),"errorType":\#(JSONText.quote(type))}"#.utf8)
    }
}

extension ErrorDocument {
    /// The `errorType` of an error document, if it has one.
    static func type(of body: [UInt8]) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])?["errorType"] as? String
    }
}
