import BuildingBlocks
import SQLiteSupport

/// Scan: every item of the table or an index in key order, paged, filtered and optionally split in segments.
enum Scan {
    static func run(_ request: RequestReader, _ storage: Storage, _ clock: any WallClock) throws(DynamoError) -> JSON {
        let source = try ReadSupport.source(request, storage)
        var placeholders = try Placeholders(request: request)
        let legacy = try LegacyParameters.check(request, .scan)
        let filter: Condition?
        let projection: [DocumentPath]?
        if legacy {
            filter = try LegacyConditions.filter(request, key: "ScanFilter", source: .scanFilter)
            projection = try LegacyParameters.attributesToGet(request)
            try placeholders.checkAllUsed(requestHasExpressions: false)
        } else {
            filter = try ItemSupport.condition(
                request, key: "FilterExpression", kind: .filter, placeholders: &placeholders)
            projection = try ItemSupport.projection(request, placeholders: &placeholders)
            try placeholders.checkAllUsed(requestHasExpressions: filter != nil || projection != nil)
        }
        let select = try ReadSupport.select(request, source: source, hasProjection: projection != nil, legacy: legacy)
        let limit = try ReadSupport.limit(request)
        let segment = try segments(request)
        let start = try ReadSupport.startKey(request, source: source)
        if let segment, case let (tableKey, indexKey)? = start {
            let partition = indexKey?.partition ?? tableKey.partition
            guard ReadSupport.segmentOf(partition, total: segment.total) == segment.number else {
                throw .validation(
                    "The provided Exclusive start key does not map to the provided Segment and TotalSegments values.")
            }
        }

        var sql: String
        var binds: [SQLiteValue] = [.integer(source.table.id)]
        let partitionColumn: Int32 = 2
        if let index = source.index {
            sql = """
                SELECT i.item, i.size, e.ipk FROM index_entries e JOIN items i ON i.tid = e.tid AND i.pk = e.pk \
                AND i.sk = e.sk WHERE e.tid = ? AND e.idx = ?
                """
            binds.append(.text(index.name))
            if case let (tableKey, indexKey?)? = start {
                sql += " AND (e.ipk, e.isk, e.pk, e.sk) > (?, ?, ?, ?)"
                binds += [
                    .blob(indexKey.partition), .blob(indexKey.sort), .blob(tableKey.partition), .blob(tableKey.sort),
                ]
            }
            sql += " ORDER BY e.ipk, e.isk, e.pk, e.sk"
        } else {
            sql = "SELECT item, size, pk FROM items WHERE tid = ?"
            if case let (tableKey, _)? = start {
                sql += " AND (pk, sk) > (?, ?)"
                binds += [.blob(tableKey.partition), .blob(tableKey.sort)]
            }
            sql += " ORDER BY pk, sk"
        }
        let result = try ReadSupport.collect(
            storage, sql: sql, binds: binds, source: source, limit: limit, filter: filter, segment: segment,
            partitionColumn: partitionColumn)
        return try ReadSupport.response(
            result, select: select, projection: projection, request: request, source: source)
    }

    static func segments(_ request: RequestReader) throws(DynamoError) -> (number: Int, total: Int)? {
        let segment = try request.int("Segment")
        let total = try request.int("TotalSegments")
        switch (segment, total) {
        case (nil, nil): return nil
        case (nil, _?):
            throw .validation(
                "The Segment parameter is required but was not present in the request when parameter TotalSegments is present"
            )
        case (_?, nil):
            throw .validation(
                "The TotalSegments parameter is required but was not present in the request when Segment parameter is present"
            )
        case (let segment?, let total?):
            guard (1...1_000_000).contains(total) else {
                throw .validation(
                    "1 validation error detected: Value '\(total)' at 'totalSegments' failed to satisfy constraint: Member must have value \(total < 1 ? "greater than or equal to 1" : "less than or equal to 1000000")"
                )
            }
            guard (0..<total).contains(segment) else {
                throw .validation(
                    "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: \(segment) is not less than TotalSegments: \(total)"
                )
            }
            return (segment, total)
        }
    }
}
