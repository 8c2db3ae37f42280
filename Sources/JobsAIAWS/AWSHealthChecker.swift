import AWSClients
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reaches the jobs table (DescribeTable) and the documents bucket (ListObjectsV2 of one key).
public struct AWSHealthChecker: HealthChecking {
    let dynamo: DynamoDBClient
    let s3: S3Client
    let table: String
    let bucket: String

    public init(dynamo: DynamoDBClient, s3: S3Client, table: String, bucket: String) {
        self.dynamo = dynamo
        self.s3 = s3
        self.table = table
        self.bucket = bucket
    }

    public func check() async -> [String: String?] {
        async let table = reach { () async throws(AWSClientError) in _ = try await dynamo.describeTable(self.table) }
        async let bucket = reach { () async throws(AWSClientError) in
            _ = try await s3.listObjectsV2(bucket: self.bucket, prefix: "documents/", maxKeys: 1)
        }
        return ["dynamodb": await table, "s3": await bucket]
    }

    private func reach(_ call: () async throws(AWSClientError) -> Void) async -> String? {
        do {
            try await call()
            return nil
        } catch {
            return error.code ?? "unreachable"
        }
    }
}
