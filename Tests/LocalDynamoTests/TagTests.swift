import Testing

@testable import LocalDynamo

/// TagResource, UntagResource, ListTagsOfResource and Tags on CreateTable.
@Suite struct TagTests {
    let arn = "arn:aws:dynamodb:us-east-1:000000000000:table/jobs"

    func tags(_ db: EngineHarness) throws -> [String: String] {
        let list = try db.call("ListTagsOfResource", #"{"ResourceArn":"\#(arn)"}"#)["Tags"]?.arrayValue ?? []
        var result: [String: String] = [:]
        for tag in list { result[tag["Key"]?.stringValue ?? ""] = tag["Value"]?.stringValue }
        return result
    }

    @Test func tagLifecycle() throws {
        let db = try EngineHarness()
        try db.createTable(extra: #","Tags":[{"Key":"team","Value":"jobs"}]"#)
        #expect(try tags(db) == ["team": "jobs"])
        try db.call(
            "TagResource",
            #"{"ResourceArn":"\#(arn)","Tags":[{"Key":"team","Value":"search"},{"Key":"env","Value":""}]}"#)
        #expect(try tags(db) == ["team": "search", "env": ""])
        try db.call("UntagResource", #"{"ResourceArn":"\#(arn)","TagKeys":["team","absent"]}"#)
        #expect(try tags(db) == ["env": ""])
        let empty = db.engine.handle(
            operation: "TagResource", body: Array(#"{"ResourceArn":"\#(arn)","Tags":[{"Key":"a","Value":"b"}]}"#.utf8))
        #expect(empty.status == 200 && empty.body.isEmpty)
    }

    @Test func tagValidation() throws {
        let db = try EngineHarness()
        try db.createTable()
        let longKey = String(repeating: "k", count: 129)
        let key = try db.failure(
            "TagResource", #"{"ResourceArn":"\#(arn)","Tags":[{"Key":"\#(longKey)","Value":"v"}]}"#)
        #expect(key.message?.contains("at 'tags.1.member.key'") == true)
        let longValue = String(repeating: "v", count: 257)
        let value = try db.failure(
            "TagResource", #"{"ResourceArn":"\#(arn)","Tags":[{"Key":"k","Value":"\#(longValue)"}]}"#)
        #expect(value.message?.contains("Member must have length less than or equal to 256") == true)
        let reserved = try db.failure("TagResource", #"{"ResourceArn":"\#(arn)","Tags":[{"Key":"aws:x","Value":"v"}]}"#)
        #expect(reserved.kind == .validation)
        let many = (0..<51).map { #"{"Key":"k\#($0)","Value":"v"}"# }.joined(separator: ",")
        let tooMany = try db.failure("TagResource", #"{"ResourceArn":"\#(arn)","Tags":[\#(many)]}"#)
        #expect(tooMany.kind == .limitExceeded)
        let missing = try db.failure(
            "ListTagsOfResource", #"{"ResourceArn":"arn:aws:dynamodb:us-east-1:000000000000:table/nope"}"#)
        #expect(missing.kind == .resourceNotFound)
        let onCreate = try db.failure(
            "CreateTable",
            #"{"TableName":"other","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"Tags":[{"Key":"","Value":"v"}]}"#
        )
        #expect(onCreate.kind == .validation)
    }
}
