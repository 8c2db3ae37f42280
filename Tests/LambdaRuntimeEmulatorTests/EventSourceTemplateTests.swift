import Foundation
import LocalDynamo
import LocalS3
import Testing

@testable import LambdaRuntimeEmulator

@Suite("Event filter patterns")
struct EventFilterPatternTests {
    static let record = try! JSON.parse(
        Array(
            #"{"eventName":"MODIFY","eventSource":"aws:dynamodb","dynamodb":{"Keys":{"pk":{"S":"job-1"}},"NewImage":{"status":{"S":"open"},"score":{"N":"42"},"tags":{"SS":["a","b"]}}},"size":300}"#
                .utf8))

    static func matches(_ pattern: String) throws -> Bool {
        try EventFilterPattern(pattern).matches(record)
    }

    @Test("values, alternatives, nesting, prefix, suffix, anything-but, numeric ranges, exists")
    func matching() throws {
        #expect(try Self.matches(#"{"eventName":["INSERT","MODIFY"]}"#))
        #expect(try !Self.matches(#"{"eventName":["REMOVE"]}"#))
        #expect(try Self.matches(#"{"dynamodb":{"NewImage":{"status":{"S":["open"]}}}}"#))
        #expect(try Self.matches(#"{"eventName":["MODIFY"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"job-"}]}}}}"#))
        #expect(try !Self.matches(#"{"eventName":["MODIFY"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"user-"}]}}}}"#))
        #expect(try Self.matches(#"{"eventSource":[{"suffix":":dynamodb"}]}"#))
        #expect(try Self.matches(#"{"eventName":[{"anything-but":["REMOVE"]}]}"#))
        #expect(try Self.matches(#"{"eventName":[{"equals-ignore-case":"modify"}]}"#))
        #expect(try Self.matches(#"{"size":[{"numeric":[">",100,"<=",300]}]}"#))
        #expect(try !Self.matches(#"{"size":[{"numeric":["<",100]}]}"#))
        #expect(try Self.matches(#"{"size":[300]}"#))
        #expect(try !Self.matches(#"{"size":[300.0]}"#), "numbers compare by their text")
        #expect(
            try Self.matches(#"{"dynamodb":{"NewImage":{"tags":{"SS":["b"]}}}}"#),
            "an array matches if any element does")
        #expect(try Self.matches(#"{"userIdentity":[{"exists":false}]}"#))
        #expect(try !Self.matches(#"{"userIdentity":[{"exists":true}]}"#))
        #expect(try !Self.matches(#"{"missing":["x"]}"#), "every key of the pattern must be present")
    }

    @Test("patterns Lambda refuses are refused with a reason")
    func invalid() {
        for pattern in [
            #"[1]"#, #"{"a":"b"}"#, #"{"a":[]}"#, #"{"a":[{"wildcard":"x"}]}"#, #"{"a":[{"numeric":[">"]}]}"#, "{",
        ] {
            #expect(throws: EventFilterPattern.Invalid.self, "\(pattern)") { try EventFilterPattern(pattern) }
        }
    }
}

@Suite("Template events: Type DynamoDB and Type S3")
struct EventSourceTemplateTests {
    static func template(events: String, tableExtra: String = "StreamSpecification: {StreamViewType: NEW_IMAGE}")
        throws -> SAMTemplate
    {
        try SAMTemplate(
            yaml: """
                Resources:
                  Notes:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: notes
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      \(tableExtra)
                  Uploads:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: uploads
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: code/
                      Events:
                \(events)
                """, directory: URL(fileURLWithPath: "/project"))
    }

    @Test(
        "a DynamoDB event becomes a mapping on the table's stream with its settings; an S3 event the bucket's notification"
    )
    func parsed() throws {
        let template = try Self.template(
            events: """
                        Changes:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt Notes.StreamArn
                            StartingPosition: LATEST
                            BatchSize: 10
                            MaximumBatchingWindowInSeconds: 2
                            MaximumRetryAttempts: 3
                            MaximumRecordAgeInSeconds: 120
                            BisectBatchOnFunctionError: true
                            FunctionResponseTypes: [ReportBatchItemFailures]
                            FilterCriteria:
                              Filters:
                                - Pattern: '{"eventName": ["INSERT"]}'
                            DestinationConfig:
                              OnFailure:
                                Destination: arn:aws:sqs:us-east-1:123456789012:failed
                        Images:
                          Type: S3
                          Properties:
                            Bucket: !Ref Uploads
                            Events: [s3:ObjectCreated:*, s3:ObjectRemoved:Delete]
                            Filter:
                              S3Key:
                                Rules:
                                  - {Name: prefix, Value: images/}
                                  - {Name: suffix, Value: .jpg}
                """)
        #expect(template.tables.first?.streamViewType == "NEW_IMAGE")
        let trigger = try #require(template.streamTriggers.first)
        #expect(trigger.table == "notes")
        let mapping = trigger.mapping
        #expect(mapping.functionName == "Worker" && mapping.startingPosition == "LATEST")
        #expect(mapping.batchSize == 10 && mapping.maximumBatchingWindowInSeconds == 2)
        #expect(mapping.maximumRetryAttempts == 3 && mapping.maximumRecordAgeInSeconds == 120)
        #expect(mapping.bisectBatchOnFunctionError && mapping.reportBatchItemFailures)
        #expect(mapping.filterPatterns == [#"{"eventName": ["INSERT"]}"#])
        #expect(mapping.onFailureDestination == "arn:aws:sqs:us-east-1:123456789012:failed")
        #expect(mapping.templateOrigin == "Worker.Changes")
        #expect(mapping.uuid == EventSourceMapping.uuid(forTemplateOrigin: "Worker.Changes"), "stable across runs")
        #expect(mapping.uuid.count == 36)
        let notification = try #require(template.buckets.first?.notification?.lambdaFunctions.first)
        #expect(notification.functionArn == "arn:aws:lambda:us-east-1:123456789012:function:Worker")
        #expect(notification.events == ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"])
        #expect(notification.prefix == "images/" && notification.suffix == ".jpg")
    }

    @Test("events the emulator cannot honour are errors naming their path")
    func refused() throws {
        func failure(_ events: String, tableExtra: String = "StreamSpecification: {StreamViewType: NEW_IMAGE}")
            -> String
        {
            do {
                _ = try Self.template(events: events, tableExtra: tableExtra)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        let api = failure(
            """
                        Web:
                          Type: Api
                          Properties: {Path: /, Method: get}
            """)
        #expect(api.contains("Resources.Worker.Properties.Events.Web.Type") && api.contains("'Api'"))
        let noStream = failure(
            """
                        Changes:
                          Type: DynamoDB
                          Properties: {Stream: !GetAtt Notes.StreamArn, StartingPosition: LATEST}
            """, tableExtra: "BillingMode: PAY_PER_REQUEST")
        #expect(noStream.contains("Events.Changes.Properties.Stream"))
        let position = failure(
            """
                        Changes:
                          Type: DynamoDB
                          Properties: {Stream: !GetAtt Notes.StreamArn, StartingPosition: AT_TIMESTAMP}
            """)
        #expect(position.contains("StartingPosition"))
        let pattern = failure(
            """
                        Changes:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt Notes.StreamArn
                            StartingPosition: LATEST
                            FilterCriteria: {Filters: [{Pattern: 'not json'}]}
            """)
        #expect(pattern.contains("Filters[0].Pattern"))
        let foreignBucket = failure(
            """
                        Images:
                          Type: S3
                          Properties: {Bucket: elsewhere, Events: s3:ObjectCreated:*}
            """)
        #expect(foreignBucket.contains("Events.Images.Properties.Bucket"))
        let overlapping = failure(
            """
                        First:
                          Type: S3
                          Properties: {Bucket: !Ref Uploads, Events: s3:ObjectCreated:*}
                        Second:
                          Type: S3
                          Properties: {Bucket: !Ref Uploads, Events: s3:ObjectCreated:Put}
            """)
        #expect(overlapping.contains("ambiguously defined"))
    }
}
