import BuildingBlocks

/// UpdateTimeToLive: enables or disables TTL on one attribute, with AWS's rules on re-enabling and disabling.
enum UpdateTimeToLive {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let name = try request.tableName()
        guard let specification = try request.object("TimeToLiveSpecification") else {
            throw RequestReader.missing("TimeToLiveSpecification")
        }
        let reader = RequestReader(specification)
        guard let enabled = try reader.bool("Enabled") else {
            throw .validation(
                "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null"
            )
        }
        guard let attribute = try reader.string("AttributeName") else {
            throw .validation(
                "1 validation error detected: Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null"
            )
        }
        guard (1...255).contains(attribute.utf8.count) else {
            throw .validation(
                "1 validation error detected: Value '\(attribute)' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length greater than or equal to 1"
            )
        }
        let table = try storage.table(name)
        if enabled {
            if table.ttlAttribute != nil { throw .validation("TimeToLive is already enabled") }
            try storage.setTimeToLive(table: name, attribute: attribute)
        } else {
            guard let current = table.ttlAttribute else { throw .validation("TimeToLive is already disabled") }
            guard current == attribute else {
                throw .validation(
                    "TimeToLive is active on a different AttributeName: current AttributeName is \(current)")
            }
            try storage.setTimeToLive(table: name, attribute: nil)
        }
        return .object([
            "TimeToLiveSpecification": .object(["AttributeName": .string(attribute), "Enabled": .bool(enabled)])
        ])
    }
}
