import Foundation
import Testing

@testable import LocalDynamo

/// In-process engine throughput for bench/localdynamo.py (no HTTP): PutItem (to a table without and one with a
/// stream), GetItem and UpdateItem through `DynamoEngine.handle`, the entry point the server uses, so the figure
/// is the server's cost minus the network. Runs only when LOCALDYNAMO_BENCH_OUT names the file for its JSON.
@Suite struct EngineBenchmark {
    static let output = ProcessInfo.processInfo.environment["LOCALDYNAMO_BENCH_OUT"]
    static let operations = 20_000

    @Test(.enabled(if: output != nil)) func measureEngineThroughput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "localdynamo-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }  // a leftover temp dir costs only disk space
        let engine = try DynamoEngine(dataDirectory: directory.path)
        for table in ["bench", "streamed"] {
            let stream =
                table == "streamed"
                ? #","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}"# : ""
            let created = engine.handle(
                operation: "CreateTable",
                body: Array(
                    #"{"TableName":"\#(table)","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]\#(stream)}"#
                        .utf8))
            try #require(created.status == 200)
        }
        let payload = String(repeating: "x", count: 200)
        func measure(_ operation: String, _ body: (Int) -> String) throws -> Int {
            let clock = ContinuousClock()
            var failures = 0
            let elapsed = clock.measure {
                for index in 0..<Self.operations {
                    if engine.handle(operation: operation, body: Array(body(index).utf8)).status != 200 {
                        failures += 1
                    }
                }
            }
            #expect(failures == 0, "\(operation): \(failures) requests failed")
            let (seconds, attoseconds) = elapsed.components
            return Int(Double(Self.operations) / (Double(seconds) + Double(attoseconds) / 1e18))
        }
        let put = try measure("PutItem") { index in
            #"{"TableName":"bench","Item":{"pk":{"S":"job-\#(index)"},"status":{"S":"queued"},"attempts":{"N":"0"},"payload":{"S":"\#(payload)"},"expires_at":{"N":"1999999999"}}}"#
        }
        let streamed = try measure("PutItem") { index in
            #"{"TableName":"streamed","Item":{"pk":{"S":"job-\#(index)"},"status":{"S":"queued"},"attempts":{"N":"0"},"payload":{"S":"\#(payload)"},"expires_at":{"N":"1999999999"}}}"#
        }
        let get = try measure("GetItem") { index in #"{"TableName":"bench","Key":{"pk":{"S":"job-\#(index)"}}}"# }
        let update = try measure("UpdateItem") { _ in
            ##"{"TableName":"bench","Key":{"pk":{"S":"counter"}},"UpdateExpression":"ADD #c :one","ExpressionAttributeNames":{"#c":"c"},"ExpressionAttributeValues":{":one":{"N":"1"}}}"##
        }
        let result: [String: Int] = [
            "operations": Self.operations, "PutItem": put, "PutItemWithStream": streamed, "GetItem": get,
            "UpdateItem": update,
        ]
        let path = try #require(Self.output)
        try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }
}
