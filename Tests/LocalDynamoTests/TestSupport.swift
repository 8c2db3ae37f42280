import BuildingBlocks
import Foundation
import Testing

@testable import LocalDynamo

/// Helpers to drive the engine in-process with wire-format JSON, as the server does.
struct EngineHarness {
    let engine: DynamoEngine

    init(clock: any WallClock = SystemWallClock()) throws {
        engine = try DynamoEngine(dataDirectory: nil, clock: clock)
    }

    /// Runs an operation; the request is JSON text.
    @discardableResult
    func call(_ operation: String, _ request: String) throws -> JSON {
        try engine.perform(operation, try JSON.parse(Array(request.utf8)))
    }

    /// Runs an operation expected to fail and returns the error.
    func failure(_ operation: String, _ request: String) throws -> DynamoError {
        do {
            _ = try engine.perform(operation, try JSON.parse(Array(request.utf8)))
        } catch let error as DynamoError {
            return error
        }
        Issue.record("\(operation) unexpectedly succeeded")
        return DynamoError(.internalServerError, "no error")
    }

    func createTable(
        _ name: String = "jobs", hash: String = "pk", hashType: String = "S", range: String? = nil,
        rangeType: String = "S", extra: String = ""
    ) throws {
        var keys = #"[{"AttributeName":"\#(hash)","KeyType":"HASH"}"#
        var definitions = #"[{"AttributeName":"\#(hash)","AttributeType":"\#(hashType)"}"#
        if let range {
            keys += #",{"AttributeName":"\#(range)","KeyType":"RANGE"}"#
            definitions += #",{"AttributeName":"\#(range)","AttributeType":"\#(rangeType)"}"#
        }
        try call(
            "CreateTable",
            #"{"TableName":"\#(name)","BillingMode":"PAY_PER_REQUEST","KeySchema":\#(keys)],"AttributeDefinitions":\#(definitions)]\#(extra)}"#
        )
    }
}

extension JSON {
    /// Member lookup for test assertions.
    subscript(_ key: String) -> JSON? { objectValue?[key] }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var arrayValue: [JSON]? {
        if case .array(let values) = self { return values }
        return nil
    }
}

/// Parses an item written in wire JSON.
func item(_ text: String) throws -> Item {
    try AttributeValue.decode(item: JSON.parse(Array(text.utf8)))
}

func number(_ text: String) throws -> DynamoNumber { try DynamoNumber(parsing: text) }
