import AWSSignature
import Foundation

/// The event shapes, after the samples in AWS's Lambda developer guide.
extension EventGenerator {
    private var headers: [String: String] {
        var headers = ["accept": "*/*", "host": "example.com", "user-agent": "curl/8.5.0"]
        if body != nil { headers["content-type"] = "application/json" }
        return headers
    }

    /// API Gateway REST API (payload 1.0).
    func apiGatewayV1() -> [String: Any] {
        let headers = self.headers
        return [
            "resource": path, "path": path, "httpMethod": method, "headers": headers,
            "multiValueHeaders": headers.mapValues { [$0] }, "queryStringParameters": NSNull(),
            "multiValueQueryStringParameters": NSNull(), "pathParameters": NSNull(), "stageVariables": NSNull(),
            "requestContext": [
                "accountId": account, "apiId": "1234567890", "resourceId": "123456", "resourcePath": path,
                "httpMethod": method, "extendedRequestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                "requestTime": "26/Nov/2026:15:00:00 +0000", "path": "/prod\(path)", "protocol": "HTTP/1.1",
                "stage": "prod", "domainPrefix": "1234567890", "requestTimeEpoch": epochMilliseconds,
                "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                "domainName": "1234567890.execute-api.\(region).amazonaws.com",
                "identity": [
                    "sourceIp": "127.0.0.1", "userAgent": "curl/8.5.0", "accountId": NSNull(), "caller": NSNull(),
                    "user": NSNull(),
                ],
            ] as [String: Any],
            "body": body ?? NSNull(), "isBase64Encoded": false,
        ]
    }

    /// API Gateway HTTP API (payload 2.0) or a Lambda Function URL (the same payload, route `$default`).
    func httpV2(functionURL: Bool) -> [String: Any] {
        let domain =
            functionURL ? "abcdefghij.lambda-url.\(region).on.aws" : "abcdefghij.execute-api.\(region).amazonaws.com"
        let routeKey = functionURL ? "$default" : "\(method) \(path)"
        var event: [String: Any] = [
            "version": "2.0", "routeKey": routeKey, "rawPath": path, "rawQueryString": "",
            "headers": headers.merging(["host": domain]) { $1 },
            "requestContext": [
                "accountId": functionURL ? "anonymous" : account, "apiId": "abcdefghij", "domainName": domain,
                "domainPrefix": "abcdefghij",
                "http": [
                    "method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                    "userAgent": "curl/8.5.0",
                ],
                "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "routeKey": routeKey, "stage": "$default",
                "time": "26/Nov/2026:15:00:00 +0000", "timeEpoch": epochMilliseconds,
            ] as [String: Any],
            "isBase64Encoded": false,
        ]
        if let body { event["body"] = body }
        return event
    }

    /// S3 event notification: `ObjectCreated:Put` or `ObjectRemoved:Delete`.
    func s3(created: Bool) -> [String: Any] {
        var object: [String: Any] = ["key": key, "sequencer": "0A1B2C3D4E5F678901"]
        if created {
            object["size"] = 1024
            object["eTag"] = "0123456789abcdef0123456789abcdef"
        }
        let record: [String: Any] = [
            "eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": region, "eventTime": isoTime,
            "eventName": created ? "ObjectCreated:Put" : "ObjectRemoved:Delete",
            "userIdentity": ["principalId": "EXAMPLE"], "requestParameters": ["sourceIPAddress": "127.0.0.1"],
            "responseElements": [
                "x-amz-request-id": "EXAMPLE123456789",
                "x-amz-id-2": "EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH",
            ],
            "s3": [
                "s3SchemaVersion": "1.0", "configurationId": "testConfigRule",
                "bucket": [
                    "name": bucket, "ownerIdentity": ["principalId": "EXAMPLE"], "arn": "arn:aws:s3:::\(bucket)",
                ] as [String: Any],
                "object": object,
            ] as [String: Any],
        ]
        return ["Records": [record]]
    }

    /// DynamoDB stream record with `NEW_AND_OLD_IMAGES`.
    func dynamoStream(_ name: String, old: Bool, new: Bool) -> [String: Any] {
        let keys: [String: Any] = ["Id": ["N": "101"]]
        var stream: [String: Any] = [
            "ApproximateCreationDateTime": Int(time.timeIntervalSince1970), "Keys": keys,
            "SequenceNumber": "111", "SizeBytes": 26, "StreamViewType": "NEW_AND_OLD_IMAGES",
        ]
        if new {
            stream["NewImage"] = ["Id": ["N": "101"], "Message": ["S": old ? "This item has changed" : "New item!"]]
        }
        if old { stream["OldImage"] = ["Id": ["N": "101"], "Message": ["S": "New item!"]] }
        let record: [String: Any] = [
            "eventID": "1", "eventName": name, "eventVersion": "1.1", "eventSource": "aws:dynamodb",
            "awsRegion": region,
            "dynamodb": stream,
            "eventSourceARN": "arn:aws:dynamodb:\(region):\(account):table/\(table)/stream/2026-11-26T15:00:00.000",
        ]
        return ["Records": [record]]
    }

    /// One SQS message.
    func sqs() -> [String: Any] {
        let message = body ?? "Hello from SQS!"
        let record: [String: Any] = [
            "messageId": "059f36b4-87a3-44ab-83d2-661975830a7d", "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
            "body": message,
            "attributes": [
                "ApproximateReceiveCount": "1", "SentTimestamp": "\(epochMilliseconds)",
                "SenderId": "AIDAIENQZJOLO23YVJ4VO",
                "ApproximateFirstReceiveTimestamp": "\(epochMilliseconds)",
            ],
            "messageAttributes": [String: Any](), "md5OfBody": Digest.md5Hex(Array(message.utf8)),
            "eventSource": "aws:sqs", "eventSourceARN": "arn:aws:sqs:\(region):\(account):my-queue",
            "awsRegion": region,
        ]
        return ["Records": [record]]
    }

    /// One SNS notification.
    func sns() -> [String: Any] {
        let topic = "arn:aws:sns:\(region):\(account):sns-lambda"
        let record: [String: Any] = [
            "EventVersion": "1.0", "EventSource": "aws:sns",
            "EventSubscriptionArn": "\(topic):21be56ed-a058-49f5-8c98-aedd2564c486",
            "Sns": [
                "Type": "Notification", "MessageId": "95df01b4-ee98-5cb9-9903-4c221d41eb5e", "TopicArn": topic,
                "Subject": "example subject", "Message": body ?? "example message", "Timestamp": isoTime,
                "SignatureVersion": "1", "Signature": "EXAMPLE", "MessageAttributes": [String: Any](),
                "SigningCertUrl":
                    "https://sns.\(region).amazonaws.com/SimpleNotificationService-0000000000000000000000.pem",
                "UnsubscribeUrl": "https://sns.\(region).amazonaws.com/?Action=Unsubscribe&SubscriptionArn=\(topic)",
            ] as [String: Any],
        ]
        return ["Records": [record]]
    }

    /// An EventBridge (CloudWatch Events) scheduled rule firing.
    func scheduled() -> [String: Any] {
        [
            "version": "0", "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "detail-type": "Scheduled Event",
            "source": "aws.events", "account": account, "time": String(isoTime.prefix(19)) + "Z", "region": region,
            "resources": ["arn:aws:events:\(region):\(account):rule/my-schedule"], "detail": [String: Any](),
        ]
    }

    /// CloudWatch Logs subscription: `awslogs.data` is the base64 of the gzipped log batch.
    func cloudWatchLogs() throws -> [String: Any] {
        let batch: [String: Any] = [
            "messageType": "DATA_MESSAGE", "owner": account, "logGroup": "/aws/lambda/example",
            "logStream": "2026/11/26/[$LATEST]0123456789abcdef0123456789abcdef", "subscriptionFilters": ["example"],
            "logEvents": [
                ["id": "eventId1", "timestamp": epochMilliseconds, "message": body ?? "[ERROR] First test message"]
            ],
        ]
        let json = try JSONSerialization.data(withJSONObject: batch, options: [.sortedKeys, .withoutEscapingSlashes])
        return ["awslogs": ["data": Data(StoredGzip.encode(Array(json))).base64EncodedString()]]
    }
}
