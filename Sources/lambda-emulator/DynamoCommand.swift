import ArgumentParser
import Foundation
import JSONLogging
import LocalDynamo
import Logging

/// `lambda-emulator dynamo`: LocalDynamo standalone, like DynamoDB Local.
struct Dynamo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run LocalDynamo (DynamoDB on SQLite) standalone.",
        discussion: """
            Prints {"dynamodb":"http://HOST:PORT"} on one line once it accepts connections; with --port 0 the \
            port is the one the kernel chose.
            """)

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free port).") var port = 8000
    @Option(help: "Directory for the SQLite database (created if missing).") var dataDir: String?
    @Flag(help: "Keep everything in memory; nothing is written to disk.") var inMemory = false
    @Option(help: "Seconds between TTL sweeps (0 disables the sweeper).") var ttlPeriod = 1.0

    func validate() throws {
        if inMemory == (dataDir != nil) {
            throw ValidationError("give exactly one of --data-dir DIR or --in-memory")
        }
        if ttlPeriod < 0 { throw ValidationError("--ttl-period must be >= 0") }
    }

    func run() async throws {
        JSONLogHandler.bootstrap()
        let service = try LocalDynamoService(
            .init(host: host, port: port, dataDirectory: inMemory ? nil : dataDir, ttlPeriod: ttlPeriod))
        let host = self.host
        try await service.run(logger: Logger(label: "localdynamo")) { bound in
            let line = #"{"dynamodb":"http://\#(host):\#(bound)"}"# + "\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
