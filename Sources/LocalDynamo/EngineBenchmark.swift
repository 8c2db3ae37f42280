import Foundation

/// In-process engine throughput (no HTTP): PutItem (to a table without and one with a stream), GetItem and
/// UpdateItem through `DynamoEngine.handle`,
/// the same entry point the server uses, so the figure is the server's cost minus the network.
/// Reached through the hidden `lambda-emulator dynamo --self-bench` flag, printing one JSON line.
public enum EngineBenchmark {
    public static func run(dataDirectory: String?, operations: Int = 20_000) throws -> String {
        let directory = dataDirectory ?? NSTemporaryDirectory() + "localdynamo-bench-\(UUID().uuidString)"
        let engine = try DynamoEngine(dataDirectory: directory)
        _ = engine.handle(
            operation: "CreateTable",
            body: Array(
                #"{"TableName":"bench","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}"#
                    .utf8))
        _ = engine.handle(
            operation: "CreateTable",
            body: Array(
                #"{"TableName":"streamed","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}}"#
                    .utf8))
        let payload = String(repeating: "x", count: 200)
        func measure(_ operation: String, _ body: (Int) -> String) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            for index in 0..<operations { _ = engine.handle(operation: operation, body: Array(body(index).utf8)) }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return Double(operations) / elapsed
        }
        let put = measure("PutItem") { index in
            #"{"TableName":"bench","Item":{"pk":{"S":"job-\#(index)"},"status":{"S":"queued"},"attempts":{"N":"0"},"payload":{"S":"\#(payload)"},"expires_at":{"N":"1999999999"}}}"#
        }
        let streamed = measure("PutItem") { index in
            #"{"TableName":"streamed","Item":{"pk":{"S":"job-\#(index)"},"status":{"S":"queued"},"attempts":{"N":"0"},"payload":{"S":"\#(payload)"},"expires_at":{"N":"1999999999"}}}"#
        }
        let get = measure("GetItem") { index in #"{"TableName":"bench","Key":{"pk":{"S":"job-\#(index)"}}}"# }
        let update = measure("UpdateItem") { _ in
            ##"{"TableName":"bench","Key":{"pk":{"S":"counter"}},"UpdateExpression":"ADD #c :one","ExpressionAttributeNames":{"#c":"c"},"ExpressionAttributeValues":{":one":{"N":"1"}}}"##
        }
        // A temporary directory left behind costs only disk space; the figures are already measured.
        if dataDirectory == nil { try? FileManager.default.removeItem(atPath: directory) }
        return
            #"{"operations":\#(operations),"PutItem":\#(Int(put)),"PutItemWithStream":\#(Int(streamed)),"GetItem":\#(Int(get)),"UpdateItem":\#(Int(update))}"#
    }
}
