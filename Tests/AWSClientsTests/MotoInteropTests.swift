import AWSSignature
import CurlHTTP
import Foundation
import Testing

@testable import AWSClients

/// AWSClients against moto, a server nobody here wrote: proves the wire formats both ways, with boto3
/// reading what Swift wrote and Swift reading what boto3 wrote. (moto does not check signatures; the
/// AWSSignature vectors prove those.)
@Suite(.serialized) struct MotoInteropTests {
    func configuration(_ moto: MotoServer) -> AWSConfiguration {
        AWSConfiguration(
            region: "us-east-1", credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"),
            endpoints: [.dynamodb: moto.endpoint, .s3: moto.endpoint, .lambda: moto.endpoint],
            retryPolicy: .none)
    }

    @Test func dynamoDBCreatePutGetUpdateAndFailedCondition() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let dynamo = DynamoDBClient(configuration: configuration(moto), http: try HTTPClient())
        let created = try await dynamo.createTable(
            CreateTableInput(
                tableName: "jobs", keySchema: [KeySchemaElement("job_id", .hash)],
                attributeDefinitions: [AttributeDefinition("job_id", .string)]))
        #expect(created.tableName == "jobs")
        #expect(try await dynamo.describeTable("jobs").keySchema == [KeySchemaElement("job_id", .hash)])
        try await dynamo.updateTimeToLive(table: "jobs", attribute: "ttl")

        let item: DynamoItem = [
            "job_id": .string("job-1"), "status": .string("queued"), "count": .number(0),
            "tags": .stringSet(["a", "b"]), "blob": .binary([0, 1, 255]),
            "progress": .map(["step": .number(1), "phase": .string("profile"), "done": .bool(false)]),
            "list": .list([.string("x"), .null]),
        ]
        try await dynamo.putItem(table: "jobs", item: item)
        #expect(try await dynamo.getItem(table: "jobs", key: ["job_id": .string("job-1")]) == item)
        #expect(try await dynamo.getItem(table: "jobs", key: ["job_id": .string("missing")]) == nil)

        let updated = try await dynamo.updateItem(
            table: "jobs", key: ["job_id": .string("job-1")],
            update: Expression(
                "SET #s = :running ADD #c :one", names: ["#s": "status", "#c": "count"],
                values: [":running": .string("running"), ":one": .number(1), ":queued": .string("queued")]),
            condition: "#s = :queued", returnValues: .allNew)
        #expect(updated?["status"] == .string("running"))
        #expect(updated?["count"]?.intValue == 1)

        // The same condition now fails: the typed error, carrying the existing item when asked for.
        await #expect {
            try await dynamo.updateItem(
                table: "jobs", key: ["job_id": .string("job-1")],
                update: Expression(
                    "SET #s = :running", names: ["#s": "status"],
                    values: [":running": .string("running"), ":queued": .string("queued")]),
                condition: "#s = :queued", returnOldItemOnConditionFailure: true)
        } throws: { error in
            guard case AWSClientError.conditionalCheckFailed(let old) = error else { return false }
            return old?["status"] == .string("running")
        }
        await #expect {
            try await dynamo.putItem(
                table: "jobs", item: ["job_id": .string("job-1")],
                condition: Expression("attribute_not_exists(job_id)"))
        } throws: { error in (error as? AWSClientError)?.code == "ConditionalCheckFailedException" }

        // boto3 reads what Swift wrote.
        let seenByBoto = try moto.python(
            """
            import boto3, os
            t = boto3.client("dynamodb", endpoint_url=os.environ["ENDPOINT"])
            i = t.get_item(TableName="jobs", Key={"job_id": {"S": "job-1"}})["Item"]
            print(i["status"]["S"], i["count"]["N"], sorted(i["tags"]["SS"]), list(i["blob"]["B"]))
            """)
        #expect(seenByBoto == "running 1 ['a', 'b'] [0, 1, 255]")

        let page = try await dynamo.scan(table: "jobs")
        #expect(page.count == 1 && page.items.first?["job_id"] == .string("job-1"))
        let queried = try await dynamo.query(
            table: "jobs", keyCondition: Expression("job_id = :id", values: [":id": .string("job-1")]))
        #expect(queried.items.count == 1)
        #expect(
            try await dynamo.deleteItem(table: "jobs", key: ["job_id": .string("job-1")], returnValues: .allOld)?[
                "status"] == .string("running"))
        await #expect {
            try await dynamo.describeTable("nope")
        } throws: { error in (error as? AWSClientError)?.code == "ResourceNotFoundException" }
    }

    @Test func s3PutGetListDeleteAndPresignedGet() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let s3 = S3Client(configuration: configuration(moto), http: try HTTPClient())
        try await s3.createBucket("documents")
        let key = "documents/job 1/Acme Oy-Developer-cover-letter.docx"
        let body = Array("hello letters ä".utf8)
        let etag = try await s3.putObject(
            bucket: "documents", key: key, body: .bytes(body),
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            metadata: ["job": "1"])
        #expect(etag == "\"\(Hex.encode(Digest.md5(body)))\"")

        let fetched = try await s3.getObject(bucket: "documents", key: key)
        #expect(fetched.body == body)
        #expect(fetched.info.metadata["job"] == "1")
        #expect(fetched.info.contentType?.hasPrefix("application/vnd.openxmlformats") == true)
        #expect(try await s3.headObject(bucket: "documents", key: key).contentLength == body.count)

        // A file upload and a download into a file, both streamed.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("in.bin")
        let large = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(large).write(to: source)
        try await s3.putObject(bucket: "documents", key: "big.bin", body: .file(path: source.path))
        let target = directory.appendingPathComponent("out.bin")
        let info = try await s3.getObject(bucket: "documents", key: "big.bin", toFile: target.path)
        #expect(info.contentLength == large.count)
        #expect(try Data(contentsOf: target) == Data(large))

        // boto3 writes, Swift lists.
        _ = try moto.python(
            """
            import boto3, os
            s = boto3.client("s3", endpoint_url=os.environ["ENDPOINT"])
            for k in ["a/1.txt", "a/2.txt", "b/3.txt"]:
                s.put_object(Bucket="documents", Key=k, Body=b"x")
            """)
        let all = try await s3.listObjectsV2(bucket: "documents")
        #expect(all.objects.map(\.key) == ["a/1.txt", "a/2.txt", "b/3.txt", "big.bin", key])
        let grouped = try await s3.listObjectsV2(bucket: "documents", delimiter: "/")
        #expect(grouped.commonPrefixes == ["a/", "b/", "documents/"])
        let first = try await s3.listObjectsV2(bucket: "documents", prefix: "a/", maxKeys: 1)
        #expect(first.objects.map(\.key) == ["a/1.txt"] && first.isTruncated)
        let second = try await s3.listObjectsV2(
            bucket: "documents", prefix: "a/", maxKeys: 1, continuationToken: first.nextContinuationToken)
        #expect(second.objects.map(\.key) == ["a/2.txt"])

        // A presigned GET, fetched by curl (a client nobody here wrote), with the response overrides applied.
        let url = try s3.presignedGetURL(
            bucket: "documents", key: key, expires: 3600,
            responseContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            responseContentDisposition: "attachment; filename=\"letter.docx\"")
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        let headersFile = directory.appendingPathComponent("headers.txt")
        curl.arguments = ["-s", "-D", headersFile.path, "-o", directory.appendingPathComponent("get.bin").path, url]
        try curl.run()
        curl.waitUntilExit()
        #expect(curl.terminationStatus == 0)
        #expect(try Data(contentsOf: directory.appendingPathComponent("get.bin")) == Data(body))
        let headers = try String(contentsOf: headersFile, encoding: .utf8).lowercased()
        #expect(headers.hasPrefix("http/1.1 200"))
        // moto ignores `response-*` overrides, so they are checked on the URL here and applied by LocalS3's tests.
        #expect(url.contains("response-content-disposition=attachment%3B%20filename%3D%22letter.docx%22"))

        try await s3.deleteObject(bucket: "documents", key: key)
        await #expect {
            try await s3.headObject(bucket: "documents", key: key)
        } throws: { error in (error as? AWSClientError)?.code == "NotFound" }
        await #expect {
            try await s3.getObject(bucket: "documents", key: key)
        } throws: { error in (error as? AWSClientError)?.code == "NoSuchKey" }
        await #expect {
            try await s3.getObject(bucket: "no-such-bucket", key: "x")
        } throws: { error in (error as? AWSClientError)?.code == "NoSuchBucket" }
    }
}
