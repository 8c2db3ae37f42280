import Foundation
import LocalDynamo
import LocalS3
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct TemplateResourcesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func parse(_ yaml: String) throws -> SAMTemplate {
        try SAMTemplate(yaml: yaml, directory: URL(fileURLWithPath: "/p"))
    }

    @Test func theProjectTemplateDeclaresTheWholeSystem() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("template.yaml"), encoding: .utf8)
        let template = try SAMTemplate(yaml: text, directory: Self.root)
        #expect(template.functions.map(\.name) == ["APIFunction", "WorkerFunction"])
        let api = template.functions[0]
        let worker = template.functions[1]
        #expect(api.codeDirectory.path == Self.root.appendingPathComponent(".build/lambda/APIFunction").path)
        #expect(api.timeout == .seconds(29) && worker.timeout == .seconds(900))
        #expect(api.environment["DYNAMODB_TABLE_NAME"] == "jobsai-jobs")
        #expect(api.environment["S3_DOCUMENTS_BUCKET"] == "jobsai-documents-123456789012")
        #expect(api.environment["WORKER_LAMBDA_FUNCTION_NAME"] == "WorkerFunction")
        #expect(worker.environment["JOB_DEADLINE_SECONDS"] == "900")
        #expect(worker.environment["LLM_PROVIDER"] == "offline")
        #expect(template.functionURLs == ["APIFunction"])
        let site = "http://jobsai-site-123456789012.s3-website-us-east-1.amazonaws.com"
        #expect(template.functionURLCors["APIFunction"]?.allowOrigins == [site])
        #expect(api.environment["ALLOWED_ORIGINS"] == site)

        #expect(template.tables.count == 1)
        let table = try #require(template.tables.first)
        #expect(table.name == "jobsai-jobs")
        #expect(table.keySchema == [.init(attribute: "job_id", keyType: "HASH")])
        #expect(table.ttlAttribute == "ttl")

        #expect(template.buckets.map(\.name) == ["jobsai-documents-123456789012", "jobsai-site-123456789012"])
        let documents = template.buckets[0]
        #expect(documents.cors?.first?.allowedOrigins == [site])
        #expect(documents.lifecycle?.first?.prefix == "documents/")
        #expect(documents.lifecycle?.first?.expirationDays == 1)
        #expect(documents.website == nil)
        #expect(template.buckets[1].website?.indexSuffix == "index.html")
    }

    static let indexed = """
        Resources:
          Events:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: events
              AttributeDefinitions:
                - {AttributeName: pk, AttributeType: S}
                - {AttributeName: sk, AttributeType: N}
                - {AttributeName: owner, AttributeType: S}
              KeySchema:
                - {AttributeName: pk, KeyType: HASH}
                - {AttributeName: sk, KeyType: RANGE}
              GlobalSecondaryIndexes:
                - IndexName: by-owner
                  KeySchema: [{AttributeName: owner, KeyType: HASH}]
                  Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [title]}
              LocalSecondaryIndexes:
                - IndexName: by-pk
                  KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: owner, KeyType: RANGE}]
                  Projection: {ProjectionType: KEYS_ONLY}
          Site:
            Type: AWS::S3::Bucket
            Properties:
              WebsiteConfiguration: {IndexDocument: index.html, ErrorDocument: error.html}
        """

    @Test func indexesAndUnnamedBuckets() throws {
        let template = try Self.parse(Self.indexed)
        let table = try #require(template.tables.first)
        #expect(table.keySchema.map(\.keyType) == ["HASH", "RANGE"])
        #expect(table.globalIndexes.first?.name == "by-owner")
        #expect(table.globalIndexes.first?.projectionType == "INCLUDE")
        #expect(table.globalIndexes.first?.nonKeyAttributes == ["title"])
        #expect(table.localIndexes.first?.keySchema.last?.attribute == "owner")
        #expect(table.ttlAttribute == nil)
        #expect(template.buckets.first?.name == "site")
        #expect(template.buckets.first?.website?.errorDocumentKey == "error.html")
    }

    @Test func unsupportedContentNamesItsPath() {
        #expect(
            throws: TemplateError.unsupported(path: "Resources.Queue.Type", reason: "resource type 'AWS::SQS::Queue'")
        ) {
            try Self.parse("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n")
        }
        let property =
            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      NotificationConfiguration: {}\n"
        #expect(
            throws: TemplateError.unsupported(
                path: "Resources.B.Properties.NotificationConfiguration", reason: "unknown or unsupported property")
        ) { try Self.parse(property) }
        let runtime = """
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: x, Runtime: python3.12, Handler: app.handler}
            """
        #expect(throws: TemplateError.self) { try Self.parse(runtime) }
        do {
            _ = try Self.parse(runtime)
        } catch let error as TemplateError {
            #expect(error.description.contains("Resources.F.Properties.Runtime"))
        } catch {
            Issue.record(error)
        }
        let cors = """
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: x
                  FunctionUrlConfig: {AuthType: NONE, Cors: {AllowOrigin: ["*"]}}
            """
        #expect(
            throws: TemplateError.unsupported(
                path: "Resources.F.Properties.FunctionUrlConfig.Cors.AllowOrigin",
                reason: "unknown or unsupported property")
        ) { try Self.parse(cors) }
        let noKey =
            "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      AttributeDefinitions: []\n"
        #expect(throws: TemplateError.missingSection("Resources.T.Properties.KeySchema")) { try Self.parse(noKey) }
    }

    @Test func provisioningCreatesTablesAndBucketsOnce() throws {
        let template = try Self.parse(
            Self.indexed + """

                  Jobs:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: jobs
                      AttributeDefinitions: [{AttributeName: job_id, AttributeType: S}]
                      KeySchema: [{AttributeName: job_id, KeyType: HASH}]
                      TimeToLiveSpecification: {AttributeName: ttl, Enabled: true}
                  Letters:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: letters
                      LifecycleConfiguration:
                        Rules: [{Id: expire, Status: Enabled, Prefix: documents/, ExpirationInDays: 1}]
                      CorsConfiguration:
                        CorsRules: [{AllowedOrigins: ["http://site"], AllowedMethods: [GET], MaxAge: 60}]
                """)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("provision-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try DynamoEngine(dataDirectory: nil)
        let store = try FileStore(dataDirectory: directory.path, durability: .none)
        let first = try TemplateProvisioner.provision(
            tables: template.tables, buckets: template.buckets, engine: engine, store: store)
        #expect(first.tables == ["events": true, "jobs": true])
        #expect(first.buckets == ["letters": true, "site": true])
        let ttl = try engine.perform("DescribeTimeToLive", .object(["TableName": .string("jobs")]))
        #expect(ttl.objectValue?["TimeToLiveDescription"]?.objectValue?["AttributeName"] == .string("ttl"))
        let described = try engine.perform("DescribeTable", .object(["TableName": .string("events")]))
        let indexes = described.objectValue?["Table"]?.objectValue?["GlobalSecondaryIndexes"]
        #expect(indexes != nil)
        let letters = try store.bucketConfiguration("letters")
        #expect(letters.lifecycle?.first?.expirationDays == 1)
        #expect(letters.cors?.first?.maxAgeSeconds == 60)
        #expect(try store.bucketConfiguration("site").website?.indexSuffix == "index.html")

        let again = try TemplateProvisioner.provision(
            tables: template.tables, buckets: template.buckets, engine: engine, store: store)
        #expect(again.tables == ["events": false, "jobs": false])
        #expect(again.buckets == ["letters": false, "site": false])
    }
}
