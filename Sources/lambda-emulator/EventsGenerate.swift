import AWSSignature
import ArgumentParser
import Foundation

/// `events generate SOURCE`: a sample event of an AWS source, like `sam local generate-event`.
struct GenerateEvent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Print a sample event of an AWS event source, shaped as AWS documents it.")

    @Argument(help: "The source: \(EventSource.allCases.map(\.rawValue).joined(separator: ", ")).")
    var source: EventSource

    @Option(help: "HTTP method (API Gateway, Function URL).")
    var method = "GET"

    @Option(help: "Request path (API Gateway, Function URL).")
    var path = "/"

    @Option(help: "Request body (API Gateway, Function URL), or the message (SQS, SNS, CloudWatch Logs).")
    var body: String?

    @Option(help: "Bucket name (S3).")
    var bucket = "example-bucket"

    @Option(help: "Object key (S3).")
    var key = "test/key"

    @Option(help: "Table name (DynamoDB stream).")
    var table = "example-table"

    @Option(help: "Region in ARNs and records.")
    var region = "us-east-1"

    @Option(help: "Account id in ARNs.")
    var account = "123456789012"

    func run() async throws {
        let generator = EventGenerator(
            method: method.uppercased(), path: path, body: body, bucket: bucket, key: key, table: table,
            region: region, account: account)
        let event = try generator.event(for: source)
        let data = try JSONSerialization.data(
            withJSONObject: event, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

/// The sources `events generate` knows.
enum EventSource: String, CaseIterable, ExpressibleByArgument {
    case apigwV1 = "apigw-v1"
    case apigwV2 = "apigw-v2"
    case functionURL = "function-url"
    case s3Put = "s3-put"
    case s3Delete = "s3-delete"
    case dynamodbInsert = "dynamodb-insert"
    case dynamodbModify = "dynamodb-modify"
    case dynamodbRemove = "dynamodb-remove"
    case sqs
    case sns
    case eventbridgeScheduled = "eventbridge-scheduled"
    case cloudwatchLogs = "cloudwatch-logs"
}

/// Builds the events; the HTTP and stream shapes are in `EventGenerator+Shapes.swift`.
struct EventGenerator {
    var method: String
    var path: String
    var body: String?
    var bucket: String
    var key: String
    var table: String
    var region: String
    var account: String
    /// A fixed instant (2026-11-26T15:00:00Z), so every generated event is the same.
    var time = Date(timeIntervalSince1970: 1_795_705_200)

    func event(for source: EventSource) throws -> [String: Any] {
        switch source {
        case .apigwV1: return apiGatewayV1()
        case .apigwV2: return httpV2(functionURL: false)
        case .functionURL: return httpV2(functionURL: true)
        case .s3Put: return s3(created: true)
        case .s3Delete: return s3(created: false)
        case .dynamodbInsert: return dynamoStream("INSERT", old: false, new: true)
        case .dynamodbModify: return dynamoStream("MODIFY", old: true, new: true)
        case .dynamodbRemove: return dynamoStream("REMOVE", old: true, new: false)
        case .sqs: return sqs()
        case .sns: return sns()
        case .eventbridgeScheduled: return scheduled()
        case .cloudwatchLogs: return try cloudWatchLogs()
        }
    }

    var isoTime: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: time)
    }

    var epochMilliseconds: Int { Int(time.timeIntervalSince1970 * 1000) }
}

/// Gzip of stored (uncompressed) deflate blocks: valid for every reader, no compressor needed.
enum StoredGzip {
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]
        var blocks = stride(from: 0, to: bytes.count, by: 65_535).map { bytes[$0..<min($0 + 65_535, bytes.count)] }
        if blocks.isEmpty { blocks = [bytes[...]] }
        for (index, block) in blocks.enumerated() {
            let length = UInt16(block.count)
            out.append(index == blocks.count - 1 ? 1 : 0)
            out += littleEndian(UInt32(length) | UInt32(~length) << 16)
            out += block
        }
        var crc = Checksum(.crc32)
        crc.update(bytes)
        out += littleEndian(crc.value)
        out += littleEndian(UInt32(truncatingIfNeeded: bytes.count))
        return out
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
