import Foundation
import LocalDynamo

/// The JSON body of Put/UpdateFunctionEventInvokeConfig, validated as Lambda validates it.
enum EventInvokeConfigRequest {
    /// Applies the body's fields over `base` (all of `EventInvokeConfig()` for Put, the current one for Update).
    static func parse(_ body: [UInt8], over base: EventInvokeConfig, knownFunctions: Set<String>)
        throws(InvokeAPIError) -> EventInvokeConfig
    {
        let object: [String: JSON]
        if body.isEmpty {
            object = [:]
        } else {
            // Any parse failure is the same client error; the parser's own message is not Lambda's.
            guard let parsed = (try? JSON.parse(body))?.objectValue else {
                throw .invalidContent("Could not parse request body into json")
            }
            object = parsed
        }
        var config = base
        if let value = object["MaximumRetryAttempts"] {
            config.maximumRetryAttempts = try integer(
                value, member: "maximumRetryAttempts", range: EventInvokeConfig.retryAttemptsRange)
        }
        if let value = object["MaximumEventAgeInSeconds"] {
            config.maximumEventAgeInSeconds = try integer(
                value, member: "maximumEventAgeInSeconds", range: EventInvokeConfig.eventAgeRange)
        }
        if let destinations = object["DestinationConfig"] {
            guard let destinations = destinations.objectValue else {
                throw .invalidContent("DestinationConfig must be an object")
            }
            for (key, keyPath) in [("OnSuccess", \EventInvokeConfig.onSuccess), ("OnFailure", \.onFailure)] {
                guard let entry = destinations[key] else { continue }
                guard let entry = entry.objectValue else { throw .invalidContent("\(key) must be an object") }
                guard case .string(let arn) = entry["Destination"], !arn.isEmpty else {
                    config[keyPath: keyPath] = nil
                    continue
                }
                guard let function = EventInvokeConfig.destinationFunction(arn), knownFunctions.contains(function)
                else {
                    throw .invalidParameter(
                        "The destination ARN \(arn) is invalid: the emulator delivers only to its own functions")
                }
                config[keyPath: keyPath] = arn
            }
        }
        return config
    }

    /// An integer member in `range`; out of range is Lambda's `ValidationException`.
    private static func integer(_ value: JSON, member: String, range: ClosedRange<Int>) throws(InvokeAPIError)
        -> Int
    {
        guard case .number(let text) = value, let integer = Double(text).flatMap({ Int(exactly: $0) }) else {
            throw .invalidContent("\(member) must be an integer")
        }
        try InvokeAPIError.checkRange(integer, member: member, range)
        return integer
    }
}
