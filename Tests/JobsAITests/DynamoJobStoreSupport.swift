import AWSClients
import CurlHTTP
import Foundation
import LocalDynamo
import Logging

/// LocalDynamo served in-process on an ephemeral loopback port, with a client and a jobs table.
enum LocalDynamoHarness {
    /// The table every test creates: key `job_id`, as the contract's template does.
    static let table = "jobsai-jobs"

    /// Starts LocalDynamo (in memory, TTL sweeper off), creates the jobs table, runs `body`, stops the server.
    static func withClient<T: Sendable>(_ body: @Sendable (DynamoDBClient) async throws -> T) async throws -> T {
        let service = try LocalDynamoService(.init(port: 0, dataDirectory: nil, ttlPeriod: 0))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task {
            try await service.run(logger: Self.quietLogger, handlesSignals: false) { port in
                continuation.yield(port)
            }
        }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw HarnessError.notListening }
        let configuration = try AWSConfiguration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:\(port)",
        ])
        let client = DynamoDBClient(configuration: configuration, http: try HTTPClient())
        try await client.createTable(
            CreateTableInput(
                tableName: table, keySchema: [KeySchemaElement("job_id", .hash)],
                attributeDefinitions: [AttributeDefinition("job_id", .string)]))
        let result = try await body(client)
        server.cancel()
        _ = await server.result
        return result
    }

    enum HarnessError: Error { case notListening }

    /// The server's own logs are not part of what these tests check.
    static let quietLogger = Logger(label: "local-dynamo-test") { _ in SwiftLogNoOpLogHandler() }
}
