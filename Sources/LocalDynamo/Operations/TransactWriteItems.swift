import BuildingBlocks
import Foundation

/// TransactWriteItems: 1-100 Put/Update/Delete/ConditionCheck actions, all or nothing in one SQLite
/// transaction; any failed condition cancels everything with per-action CancellationReasons.
enum TransactWriteItems {
    enum Action {
        case put(PutItem.Write)
        case update(UpdateItem.Update)
        case delete(DeleteItem.Delete)
        case check(TableDefinition, StoredKey, Condition, returnOld: Bool)

        var target: (String, StoredKey) {
            switch self {
            case .put(let write): return (write.table.name, write.key)
            case .update(let update): return (update.table.name, update.key)
            case .delete(let delete): return (delete.table.name, delete.key)
            case .check(let table, let key, _, _): return (table.name, key)
            }
        }
    }

    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        guard let list = try request.array("TransactItems") else { throw RequestReader.missing("TransactItems") }
        guard (1...100).contains(list.count) else {
            throw .validation(
                "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length \(list.isEmpty ? "greater than or equal to 1" : "less than or equal to 100")"
            )
        }
        if let token = try request.string("ClientRequestToken") {
            guard (1...36).contains(token.count) else {
                throw .validation(
                    "1 validation error detected: Value '\(token)' at 'clientRequestToken' failed to satisfy constraint: Member must have length \(token.isEmpty ? "greater than or equal to 1" : "less than or equal to 36")"
                )
            }
            let fingerprint = JSON.array(list).serialized()
            if let replay = try storage.idempotency.check(
                token: token, fingerprint: fingerprint, now: clock.now.secondsSinceEpoch)
            {
                return replay
            }
        }
        var actions: [Action] = []
        var targets: Set<String> = []
        var itemErrors: [Int: DynamoError] = [:]
        var bytes = 0
        for (offset, entry) in list.enumerated() {
            let action: Action
            do {
                action = try parse(entry, storage)
            } catch  where error.kind == .validation && error.message?.contains("Type mismatch") == true {
                // A value of the wrong type for a key is a per-action failure: the transaction is cancelled.
                itemErrors[offset] = error
                continue
            }
            if case .put(let write) = action { bytes += write.size }
            guard bytes <= maximumBytes else {
                throw .validation("Transaction request cannot be larger than 4 MB")
            }
            let (table, key) = action.target
            let identity = "\(table)\u{0}\(key.partition)\u{0}\(key.sort)"
            guard targets.insert(identity).inserted else {
                throw .validation("Transaction request cannot include multiple operations on one item")
            }
            actions.append(action)
        }
        if !itemErrors.isEmpty {
            let reasons = list.indices.map { offset in
                itemErrors[offset].map { DynamoError.CancellationReason(code: "ValidationError", message: $0.message) }
                    ?? DynamoError.CancellationReason(code: "None")
            }
            throw cancelled(reasons)
        }
        try storage.transaction { () throws(DynamoError) in
            var reasons: [DynamoError.CancellationReason] = []
            var failed = false
            for action in actions {
                do throws(DynamoError) {
                    switch action {
                    case .put(let write): _ = try write.perform(storage)
                    case .update(let update): _ = try update.perform(storage)
                    case .delete(let delete): _ = try delete.perform(storage)
                    case .check(let table, let key, let condition, let returnOld):
                        try ItemSupport.checkCondition(
                            condition, old: try storage.get(table, key: key), returnOldOnFailure: returnOld)
                    }
                    reasons.append(.init(code: "None"))
                } catch {
                    failed = true
                    switch error.kind {
                    case .conditionalCheckFailed:
                        reasons.append(.init(code: "ConditionalCheckFailed", message: error.message, item: error.item))
                    case .validation:
                        reasons.append(.init(code: "ValidationError", message: error.message))
                    default:
                        throw error
                    }
                }
            }
            if failed { throw cancelled(reasons) }
        }
        let response = JSON.object([:])
        if let token = try request.string("ClientRequestToken") {
            storage.idempotency.record(
                token: token, fingerprint: JSON.array(list).serialized(), response: response,
                now: clock.now.secondsSinceEpoch)
        }
        return response
    }

    static let maximumBytes = 4 * 1024 * 1024

    static func cancelled(_ reasons: [DynamoError.CancellationReason]) -> DynamoError {
        var error = DynamoError(
            .transactionCanceled,
            "Transaction cancelled, please refer cancellation reasons for specific reasons [\(reasons.map(\.code).joined(separator: ", "))]"
        )
        error.cancellationReasons = reasons
        return error
    }

    static func parse(_ entry: JSON, _ storage: Storage) throws(DynamoError) -> Action {
        guard let members = entry.objectValue else { throw .serialization("Unexpected value type in payload") }
        let present = members.filter { if case .null = $0.value { return false } else { return true } }
        guard present.count == 1, let (kind, body) = present.first, let object = body.objectValue else {
            throw .validation("TransactItems can only contain one of Check, Put, Update or Delete")
        }
        let reader = RequestReader(object)
        let table = try storage.table(try reader.tableName())
        switch kind {
        case "Put":
            guard let item = try reader.item("Item") else { throw RequestReader.missing("Item") }
            return .put(try PutItem.prepare(reader, table: table, item: item))
        case "Update":
            guard let key = try reader.item("Key") else { throw RequestReader.missing("Key") }
            guard try reader.string("UpdateExpression") != nil else { throw RequestReader.missing("UpdateExpression") }
            return .update(try UpdateItem.prepare(reader, table: table, keyItem: key))
        case "Delete":
            guard let key = try reader.item("Key") else { throw RequestReader.missing("Key") }
            return .delete(try DeleteItem.prepare(reader, table: table, keyItem: key))
        case "ConditionCheck":
            guard let keyItem = try reader.item("Key") else { throw RequestReader.missing("Key") }
            guard try reader.string("ConditionExpression") != nil else {
                throw RequestReader.missing("ConditionExpression")
            }
            let delete = try DeleteItem.prepare(reader, table: table, keyItem: keyItem)
            guard let condition = delete.condition else { throw RequestReader.missing("ConditionExpression") }
            return .check(table, delete.key, condition, returnOld: delete.returnOldOnFailure)
        default:
            throw .validation("TransactItems can only contain one of Check, Put, Update or Delete")
        }
    }
}

/// ClientRequestToken memory for TransactWriteItems: a token replays its response for 10 minutes, and the
/// same token with a different request is an IdempotentParameterMismatchException.
final class IdempotencyTokens {
    private var entries: [String: (fingerprint: [UInt8], response: JSON, at: Double)] = [:]
    static let lifetime: Double = 600

    func check(token: String, fingerprint: [UInt8], now: Double) throws(DynamoError) -> JSON? {
        entries = entries.filter { now - $0.value.at < IdempotencyTokens.lifetime }
        guard let entry = entries[token] else { return nil }
        guard entry.fingerprint == fingerprint else {
            throw DynamoError(
                .idempotentParameterMismatch,
                "Request with the same client token was already processed with different parameters")
        }
        return entry.response
    }

    func record(token: String, fingerprint: [UInt8], response: JSON, now: Double) {
        entries[token] = (fingerprint, response, now)
    }
}
