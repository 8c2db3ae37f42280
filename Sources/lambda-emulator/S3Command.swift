import ArgumentParser
import Foundation
import LocalS3
import Logging

/// `lambda-emulator s3`: LocalS3 standalone, like MinIO.
struct S3: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run LocalS3 (S3 on the filesystem) standalone.")

    @Option(help: "Address to bind (127.0.0.1 unless given).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one and prints it as one JSON line.")
    var port = 9000

    @Option(name: .customLong("data-dir"), help: "Directory holding buckets and objects.")
    var dataDir: String

    @Option(name: .customLong("access-key"), help: "Access key clients sign with.")
    var accessKey = S3Credentials.defaultAccessKey

    @Option(name: .customLong("secret-key"), help: "Secret key clients sign with.")
    var secretKey = S3Credentials.defaultSecretKey

    @Option(help: "Region reported for buckets.")
    var region = "us-east-1"

    @Flag(
        name: .customLong("no-fsync"),
        help: "Acknowledge writes before they reach the disk (faster; a power loss may drop recent writes).")
    var noFsync = false

    @Option(name: .customLong("lifecycle-interval"), help: "Seconds between lifecycle expiration sweeps.")
    var lifecycleInterval: Double = 60

    func run() async throws {
        let store = try FileStore(dataDirectory: dataDir, durability: noFsync ? .none : .fsync)
        var logger = Logger(label: "locals3")
        logger.logLevel = .warning
        let service = S3Service(
            store: store, credentials: S3Credentials(accessKey: accessKey, secretKey: secretKey), region: region,
            logger: logger)
        let server = S3HTTPServer(service: service, host: host, port: port)
        let sweeper = LifecycleSweeper(store: store, clock: SystemS3Clock())
        let host = self.host
        let interval = lifecycleInterval
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run { port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    FileHandle.standardOutput.write(Data("{\"s3\":\"http://\(shown):\(port)\"}\n".utf8))
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(interval))
                    _ = try? sweeper.sweep()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
