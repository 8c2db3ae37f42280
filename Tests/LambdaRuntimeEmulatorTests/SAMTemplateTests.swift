import Foundation
import Testing

@testable import LambdaRuntimeEmulator

@Suite struct SAMTemplateTests {
    static let yaml = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage:
            Type: String
            Default: dev
        Globals:
          Function:
            Timeout: 30
            MemorySize: 256
            Environment:
              Variables:
                STAGE: !Ref Stage
        Resources:
          JobsTable:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Sub "jobs-${Stage}"
              AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              KeySchema: [{AttributeName: id, KeyType: HASH}]
          LettersBucket:
            Type: AWS::S3::Bucket
          APIFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: .build/lambda/APIFunction/
              Handler: bootstrap
              ReservedConcurrentExecutions: 4
              FunctionUrlConfig:
                AuthType: NONE
              Environment:
                Variables:
                  TABLE: !Ref JobsTable
                  BUCKET_ARN: !GetAtt LettersBucket.Arn
                  WORKER: !GetAtt [WorkerFunction, Arn]
                  REGION_TEXT: !Sub "${AWS::Region}/${!Literal}"
                  LONG: { "Fn::Join": ["-", ["a", !Ref Stage]] }
          WorkerFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: .build/lambda/WorkerFunction/
              Timeout: 900
        """

    @Test func functionsCarryGlobalsAndResolvedIntrinsics() throws {
        let template = try SAMTemplate(yaml: Self.yaml, directory: URL(fileURLWithPath: "/project"))
        #expect(template.functions.map(\.name) == ["APIFunction", "WorkerFunction"])
        #expect(template.functionURLs == ["APIFunction"])
        let api = template.functions[0]
        #expect(api.codeDirectory.path == "/project/.build/lambda/APIFunction")
        #expect(api.timeout == .seconds(30))
        #expect(api.memorySizeMB == 256)
        #expect(api.reservedConcurrency == 4)
        #expect(api.environment["STAGE"] == "dev")
        #expect(api.environment["TABLE"] == "jobs-dev")
        #expect(api.environment["BUCKET_ARN"] == "arn:aws:s3:::lettersbucket")
        #expect(api.environment["WORKER"] == "arn:aws:lambda:us-east-1:123456789012:function:WorkerFunction")
        #expect(api.environment["REGION_TEXT"] == "us-east-1/${Literal}")
        #expect(api.environment["LONG"] == "a-dev")
        #expect(template.functions[1].timeout == .seconds(900))
    }

    @Test func eventInvokeConfigIsReadWithLambdaDestinations() throws {
        let yaml = """
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: worker/
                  EventInvokeConfig:
                    MaximumRetryAttempts: 0
                    MaximumEventAgeInSeconds: 3600
                    DestinationConfig:
                      OnFailure:
                        Type: Lambda
                        Destination: !GetAtt Failures.Arn
              Failures:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: failures/
            """
        let template = try SAMTemplate(yaml: yaml, directory: URL(fileURLWithPath: "/p"))
        let config = try #require(template.functions.first { $0.name == "Worker" }?.eventInvokeConfig)
        #expect(config.maximumRetryAttempts == 0)
        #expect(config.maximumEventAgeInSeconds == 3600)
        #expect(config.onFailure == "arn:aws:lambda:us-east-1:123456789012:function:Failures")
        #expect(config.onSuccess == nil)

        let tooMany = yaml.replacingOccurrences(of: "MaximumRetryAttempts: 0", with: "MaximumRetryAttempts: 3")
        #expect(throws: TemplateError.self) { try SAMTemplate(yaml: tooMany, directory: URL(fileURLWithPath: "/p")) }
        let queue = yaml.replacingOccurrences(of: "Type: Lambda", with: "Type: SQS")
        #expect(throws: TemplateError.self) { try SAMTemplate(yaml: queue, directory: URL(fileURLWithPath: "/p")) }
    }

    @Test func functionURLInvokeModeIsRead() throws {
        let yaml = """
            Resources:
              Streamer:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: streamer/
                  FunctionUrlConfig:
                    AuthType: NONE
                    InvokeMode: RESPONSE_STREAM
            """
        let template = try SAMTemplate(yaml: yaml, directory: URL(fileURLWithPath: "/p"))
        #expect(template.functionURLInvokeModes == ["Streamer": .responseStream])
        let wrong = yaml.replacingOccurrences(of: "RESPONSE_STREAM", with: "STREAMING")
        #expect(throws: TemplateError.self) { try SAMTemplate(yaml: wrong, directory: URL(fileURLWithPath: "/p")) }
    }

    @Test func parameterOverridesWin() throws {
        let template = try SAMTemplate(
            yaml: Self.yaml, directory: URL(fileURLWithPath: "/p"), parameters: ["Stage": "prod"])
        #expect(template.functions[0].environment["TABLE"] == "jobs-prod")
    }

    @Test func errorsNameThePlaceAtFault() {
        #expect(throws: TemplateError.missingSection("Resources")) {
            try SAMTemplate(yaml: "Parameters: {}", directory: URL(fileURLWithPath: "/"))
        }
        let unknown = """
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: x
                  Environment:
                    Variables:
                      A: !Ref Nowhere
            """
        #expect(
            throws: TemplateError.unknownReference(
                name: "Nowhere", path: "Resources.F.Properties.Environment.Variables.A")
        ) {
            try SAMTemplate(yaml: unknown, directory: URL(fileURLWithPath: "/"))
        }
        let unsupported = unknown.replacingOccurrences(of: "!Ref Nowhere", with: "!ImportValue Other")
        #expect(
            throws: TemplateError.unsupportedIntrinsic(
                tag: "!ImportValue", path: "Resources.F.Properties.Environment.Variables.A")
        ) {
            try SAMTemplate(yaml: unsupported, directory: URL(fileURLWithPath: "/"))
        }
        let noCode = "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {}\n"
        #expect(throws: TemplateError.missingSection("Resources.F.Properties.CodeUri")) {
            try SAMTemplate(yaml: noCode, directory: URL(fileURLWithPath: "/"))
        }
        #expect(throws: TemplateError.self) {
            try SAMTemplate(yaml: "Resources: [unclosed", directory: URL(fileURLWithPath: "/"))
        }
    }
}
