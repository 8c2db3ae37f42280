import Yams

/// Reads a function's SAM `EventInvokeConfig` (retries, event age, Lambda destinations).
enum TemplateEventInvokeConfig {
    static func read(_ node: Node, path: String, reader: TemplateReader) throws(TemplateError) -> EventInvokeConfig {
        let fields = try reader.mapping(
            node, path: path, known: ["MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig"])
        var config = EventInvokeConfig()
        config.maximumRetryAttempts = try reader.optionalInteger(
            fields, "MaximumRetryAttempts", path: path, range: EventInvokeConfig.retryAttemptsRange)
        config.maximumEventAgeInSeconds = try reader.optionalInteger(
            fields, "MaximumEventAgeInSeconds", path: path, range: EventInvokeConfig.eventAgeRange)
        let destinationsPath = "\(path).DestinationConfig"
        let destinations = try reader.mapping(
            ifPresent: fields["DestinationConfig"], path: destinationsPath, known: ["OnSuccess", "OnFailure"])
        config.onSuccess = try destination(destinations["OnSuccess"], path: "\(destinationsPath).OnSuccess", reader)
        config.onFailure = try destination(destinations["OnFailure"], path: "\(destinationsPath).OnFailure", reader)
        return config
    }

    /// A `{Type: Lambda, Destination: arn}` destination; other types need AWS services the emulator lacks.
    private static func destination(_ node: Node?, path: String, _ reader: TemplateReader) throws(TemplateError)
        -> String?
    {
        guard let node else { return nil }
        let fields = try reader.mapping(node, path: path, known: ["Type", "Destination"])
        let type = try reader.optionalString(fields, "Type", path: path) ?? "Lambda"
        guard type == "Lambda" else {
            throw .unsupported(path: "\(path).Type", reason: "destination type '\(type)' (only Lambda)")
        }
        guard let arn = try reader.optionalString(fields, "Destination", path: path),
            EventInvokeConfig.destinationFunction(arn) != nil
        else {
            throw .invalidValue(path: "\(path).Destination", expected: "a Lambda function ARN")
        }
        return arn
    }
}
