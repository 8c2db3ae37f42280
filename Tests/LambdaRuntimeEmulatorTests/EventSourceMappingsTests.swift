import Foundation
import LocalDynamo
import Logging
import Testing

@testable import LambdaRuntimeEmulator

/// The sequence numbers and keys a fake function received, batch by batch.
actor ReceivedBatches {
    private(set) var batches: [[String]] = []

    func add(_ keys: [String]) { batches.append(keys) }

    var keys: [String] { batches.flatMap { $0 } }

    /// Waits (polling, up to 20 s) until at least `count` keys arrived.
    func wait(for count: Int) async throws -> [String] {
        let deadline = ContinuousClock.now + .seconds(20)
        while keys.count < count && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        return keys
    }
}

@Suite("Event source mappings on LocalDynamo streams")
struct EventSourceMappingsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("esm-\(UUID().uuidString)")

    func engine() throws -> DynamoEngine {
        try DynamoEngine(dataDirectory: directory.appendingPathComponent("dynamo").path)
    }

    func mappings(_ received: ReceivedBatches) throws -> EventSourceMappings {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let deadLetters = try AsyncEventStore(path: directory.appendingPathComponent("events.sqlite").path)
        return try EventSourceMappings(
            path: directory.appendingPathComponent("event-sources.sqlite").path, deadLetters: deadLetters,
            functionArns: ["f": "arn:aws:lambda:us-east-1:123456789012:function:f"], retryDelays: [.zero],
            idleInterval: .milliseconds(20), logger: Logger(label: "test")
        ) { _, request in
            let keys = Self.keys(request.payload)
            await received.add(keys)
            return .succeeded([])
        }
    }

    static func keys(_ payload: [UInt8]) -> [String] {
        guard case .array(let records)? = (try? JSON.parse(payload))?.objectValue?["Records"] else { return [] }
        return records.compactMap { record in
            guard
                case .string(let key)? = record.objectValue?["dynamodb"]?.objectValue?["Keys"]?.objectValue?["pk"]?
                    .objectValue?["S"]
            else { return nil }
            return key
        }
    }

    static func createTable(_ engine: DynamoEngine) throws -> String {
        let created = try engine.perform(
            "CreateTable",
            .object([
                "TableName": .string("items"), "BillingMode": .string("PAY_PER_REQUEST"),
                "KeySchema": .array([.object(["AttributeName": .string("pk"), "KeyType": .string("HASH")])]),
                "AttributeDefinitions": .array([
                    .object(["AttributeName": .string("pk"), "AttributeType": .string("S")])
                ]),
                "StreamSpecification": .object([
                    "StreamEnabled": .bool(true), "StreamViewType": .string("NEW_AND_OLD_IMAGES"),
                ]),
            ]))
        guard case .string(let arn)? = created.objectValue?["TableDescription"]?.objectValue?["LatestStreamArn"] else {
            throw EventFilterPattern.Invalid(reason: "no stream ARN")
        }
        return arn
    }

    static func put(_ engine: DynamoEngine, _ keys: some Sequence<Int>) throws {
        for key in keys {
            _ = try engine.perform(
                "PutItem",
                .object(["TableName": .string("items"), "Item": .object(["pk": .object(["S": .string("k\(key)")])])]))
        }
    }

    static func mapping(_ arn: String, position: String = "TRIM_HORIZON") -> EventSourceMapping {
        var mapping = EventSourceMapping(
            uuid: EventSourceMapping.uuid(forTemplateOrigin: "F.Changes"), functionName: "f", eventSourceArn: arn,
            startingPosition: position)
        mapping.batchSize = 7
        mapping.templateOrigin = "F.Changes"
        return mapping
    }

    @Test("every record reaches the function once, in order; after a restart only what came after the checkpoint")
    func deliveryAndRestart() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try engine()
        let arn = try Self.createTable(engine)
        try Self.put(engine, 0..<30)
        let received = ReceivedBatches()
        let first = try mappings(received)
        try await first.connect(engine: engine, template: [Self.mapping(arn)])
        #expect(try await received.wait(for: 30) == (0..<30).map { "k\($0)" })
        #expect(await received.batches.allSatisfy { $0.count <= 7 })
        await first.stop()

        try Self.put(engine, 30..<45)
        let again = ReceivedBatches()
        let second = try mappings(again)
        let connected = try await second.connect(engine: engine, template: [Self.mapping(arn)])
        #expect(connected.map(\.uuid) == [Self.mapping(arn).uuid])
        #expect(try await again.wait(for: 15) == (30..<45).map { "k\($0)" })
        await second.stop()
    }

    @Test("LATEST starts after the newest record; the API's create refuses a missing stream and a duplicate")
    func latestAndConflicts() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try engine()
        let arn = try Self.createTable(engine)
        try Self.put(engine, 0..<5)
        let received = ReceivedBatches()
        let mappings = try mappings(received)
        try await mappings.connect(engine: engine, template: [])
        var latest = Self.mapping(arn, position: "LATEST")
        latest.uuid = UUID().uuidString.lowercased()
        latest.templateOrigin = nil
        _ = try await mappings.create(latest)
        await #expect(throws: InvokeAPIError.self) { _ = try await mappings.create(latest) }
        var missing = latest
        missing.eventSourceArn = arn + "0"
        missing.uuid = UUID().uuidString.lowercased()
        do {
            _ = try await mappings.create(missing)
            Issue.record("a missing stream was accepted")
        } catch {
            #expect(error.code == "InvalidParameterValueException" && error.message.hasPrefix("Stream not found"))
        }
        // Records written before the mapping polled once are not LATEST's; wait for it to stand somewhere.
        let deadline = ContinuousClock.now + .seconds(10)
        while try await EventSourceStore(path: directory.appendingPathComponent("event-sources.sqlite").path)
            .positions(uuid: latest.uuid, stream: arn).isEmpty && ContinuousClock.now < deadline
        {
            try await Task.sleep(for: .milliseconds(20))
        }
        try Self.put(engine, 5..<8)
        #expect(try await received.wait(for: 3) == ["k5", "k6", "k7"])
        let deleted = try await mappings.delete(latest.uuid)
        #expect(deleted.uuid == latest.uuid)
        #expect(await mappings.list(eventSourceArn: arn, functionName: nil).isEmpty)
        await mappings.stop()
    }
}
