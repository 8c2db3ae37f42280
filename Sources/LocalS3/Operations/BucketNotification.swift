import Foundation

/// `PUT|GET /bucket?notification`: the bucket's event notifications. A PUT replaces the whole configuration
/// (an empty one removes it) after S3's checks: known event names, at most one prefix and one suffix rule,
/// no two configurations overlapping for one event type, and destinations that exist. GET answers filter
/// rule names capitalised (`Prefix`, `Suffix`), as S3 does.
enum BucketNotification: S3Operation {
    static func run(_ context: inout OperationContext) async throws -> S3Response {
        let bucket = try context.bucket()
        switch context.request.method {
        case "PUT":
            let document = try XMLTree.parse(
                try await context.body.collect(limit: 1024 * 1024), root: "NotificationConfiguration")
            let configuration = try parse(document)
            try configuration.validate()
            if context.header("x-amz-skip-destination-validation")?.lowercased() != "true" {
                try checkDestinations(configuration, delivery: context.notificationDelivery)
            }
            try context.store.updateBucketConfiguration(bucket) {
                $0.notification = configuration.lambdaFunctions.isEmpty ? nil : configuration
            }
            return S3Response()
        case "GET":
            let configuration = try context.store.bucketConfiguration(bucket).notification
            return .xml(render(configuration ?? NotificationConfiguration()))
        default:
            throw Router.methodNotAllowed(context.request.method, "BUCKET")
        }
    }

    static func parse(_ document: XMLTree) throws -> NotificationConfiguration {
        var configuration = NotificationConfiguration()
        for element in document.children {
            switch element.name {
            case "CloudFunctionConfiguration":
                configuration.lambdaFunctions.append(try lambdaConfiguration(element))
            case "QueueConfiguration", "TopicConfiguration":
                // LocalS3 has no queues or topics, so no such destination can be validated.
                let arn = element.value(element.name == "QueueConfiguration" ? "Queue" : "Topic") ?? ""
                throw unvalidated(arn, reason: "LocalS3 delivers notifications to Lambda functions only")
            case "EventBridgeConfiguration":
                throw S3Error(.notImplemented, "not implemented: EventBridge notifications in LocalS3")
            default:
                throw S3Error.malformedXML()
            }
        }
        return configuration
    }

    private static func lambdaConfiguration(_ element: XMLTree) throws -> LambdaNotification {
        guard let arn = element.value("CloudFunction"), !arn.isEmpty else { throw S3Error.malformedXML() }
        let events = element.all("Event").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        var notification = LambdaNotification(
            id: element.value("Id").flatMap { $0.isEmpty ? nil : $0 } ?? generatedID(), functionArn: arn,
            events: events)
        for rule in element.child("Filter")?.child("S3Key")?.all("FilterRule") ?? [] {
            let value = rule.child("Value")?.text ?? ""
            switch rule.value("Name")?.lowercased() {
            case "prefix":
                guard notification.prefix == nil else {
                    throw S3Error.invalidArgument(
                        "FilterRule", "prefix", "Cannot specify more than one prefix rule in a filter.")
                }
                notification.prefix = value
            case "suffix":
                guard notification.suffix == nil else {
                    throw S3Error.invalidArgument(
                        "FilterRule", "suffix", "Cannot specify more than one suffix rule in a filter.")
                }
                notification.suffix = value
            default:
                throw S3Error.invalidArgument(
                    "FilterRule", rule.value("Name") ?? "", "filter rule name must be either prefix or suffix")
            }
        }
        return notification
    }

    /// Every function must exist; without a delivery (standalone LocalS3) any Lambda function ARN is kept.
    static func checkDestinations(_ configuration: NotificationConfiguration, delivery: NotificationDelivery?)
        throws
    {
        for notification in configuration.lambdaFunctions {
            let arn = notification.functionArn
            let wellFormed = arn.hasPrefix("arn:") && arn.contains(":lambda:") && arn.contains(":function:")
            guard wellFormed, delivery.map({ $0.functionExists(arn) }) ?? true else {
                throw unvalidated(arn, reason: "Not authorized to invoke function [\(arn)]")
            }
        }
    }

    private static func unvalidated(_ arn: String, reason: String) -> S3Error {
        S3Error(
            .invalidArgument, "Unable to validate the following destination configurations",
            details: [.init("ArgumentName1", arn), .init("ArgumentValue1", reason)])
    }

    /// An `Id` for a configuration sent without one: like S3's, the base64 of a random UUID's text.
    private static func generatedID() -> String {
        Data(UUID().uuidString.lowercased().utf8).base64EncodedString()
    }

    static func render(_ configuration: NotificationConfiguration) -> XMLWriter {
        var xml = XMLWriter(root: "NotificationConfiguration")
        for notification in configuration.lambdaFunctions {
            xml.group("CloudFunctionConfiguration") { xml in
                xml.element("Id", notification.id)
                xml.element("CloudFunction", notification.functionArn)
                for event in notification.events { xml.element("Event", event) }
                guard notification.prefix != nil || notification.suffix != nil else { return }
                xml.group("Filter") { xml in
                    xml.group("S3Key") { xml in
                        for (name, value) in [("Prefix", notification.prefix), ("Suffix", notification.suffix)] {
                            guard let value else { continue }
                            xml.group("FilterRule") { xml in
                                xml.element("Name", name)
                                xml.element("Value", value)
                            }
                        }
                    }
                }
            }
        }
        return xml
    }
}
