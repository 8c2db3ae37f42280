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

    @Option(
        help: ArgumentHelp(
            "Accept every key pair in this file instead of --access-key/--secret-key: JSON or the AWS credentials-file format. Each key is a user of its own account (the first: 123456789012) unless the file names the account and user; bucket policies and ACLs decide what users may do in other accounts' buckets.",
            valueName: "file"))
    var credentials: String?

    @Option(help: "Region reported for buckets.")
    var region = "us-east-1"

    @Flag(
        name: .customLong("no-fsync"),
        help: "Acknowledge writes before they reach the disk (faster; a power loss may drop recent writes).")
    var noFsync = false

    @Option(name: .customLong("lifecycle-interval"), help: "Seconds between lifecycle expiration sweeps.")
    var lifecycleInterval: Double = 60

    func validate() throws {
        guard lifecycleInterval > 0, lifecycleInterval <= 86_400 else {
            throw ValidationError("--lifecycle-interval must be between 0 and 86400 seconds")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        var logger = Logger(label: "locals3")
        logger.logLevel = .warning
        let runner = try LocalS3Runner(
            dataDirectory: dataDir, host: host, port: port,
            credentials: try credentials.map(S3Credentials.load(file:))
                ?? S3Credentials(accessKey: accessKey, secretKey: secretKey),
            region: region,
            durability: noFsync ? .none : .fsync, lifecycleInterval: .milliseconds(Int64(lifecycleInterval * 1000)),
            logger: logger)
        let shown = host.contains(":") ? "[\(host)]" : host
        try await runner.run { port in
            FileHandle.standardOutput.write(Data("{\"s3\":\"http://\(shown):\(port)\"}\n".utf8))
        }
    }
}
