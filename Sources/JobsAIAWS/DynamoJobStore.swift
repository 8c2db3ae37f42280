import AWSClients
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A `JobStore` over a DynamoDB table keyed by `job_id`: every transition is one conditional UpdateItem.
public struct DynamoJobStore: JobStore {
    let client: DynamoDBClient
    /// The table's name (`DYNAMODB_TABLE_NAME`).
    public let table: String

    /// The time `get` compares item expiry with (DynamoDB deletes expired items only eventually).
    let now: @Sendable () -> Date

    public init(client: DynamoDBClient, table: String, now: @escaping @Sendable () -> Date = Date.init) {
        self.client = client
        self.table = table
        self.now = now
    }

    /// The statuses a job can be cancelled or finished from.
    private static let liveStatuses: DynamoItem = [
        ":queued": .string(JobStatus.queued.rawValue), ":running": .string(JobStatus.running.rawValue),
        ":cancelling": .string(JobStatus.cancelling.rawValue),
    ]
    private static let isLive = "#status IN (:queued, :running, :cancelling)"

    private func key(_ jobID: String) -> DynamoItem { ["job_id": .string(jobID)] }

    public func create(_ record: JobRecord) async throws(JobStoreError) {
        let item = try JobItem.item(for: record)
        do {
            try await client.putItem(
                table: table, item: item, condition: AWSClients.Expression("attribute_not_exists(job_id)"))
        } catch {
            if case .conditionalCheckFailed = error { throw .alreadyExists(record.jobID) }
            throw .unavailable(error.description)
        }
    }

    public func get(_ jobID: String) async throws(JobStoreError) -> JobRecord? {
        let item: DynamoItem?
        do {
            item = try await client.getItem(table: table, key: key(jobID), consistentRead: true)
        } catch {
            throw .unavailable(error.description)
        }
        guard let item else { return nil }
        let record = try JobItem.record(from: item)
        return record.expiresAt > now() ? record : nil
    }

    public func requestCancel(_ jobID: String, at now: Date) async throws(JobStoreError) -> CancelOutcome {
        var values = Self.liveStatuses
        values[":target"] = .string(JobStatus.cancelling.rawValue)
        values[":now"] = .string(JobTimestamp.format(now))
        let update = AWSClients.Expression(
            "SET #status = :target, updated_at = :now", names: ["#status": "status"], values: values)
        switch try await conditionalUpdate(jobID, update, condition: Self.isLive + " AND deadline_at > :now") {
        case .updated(let item):
            return .requested(try JobItem.record(from: item))
        case .refused(let item):
            guard let item else { return .notFound }
            return .alreadyFinal(try JobItem.record(from: item))
        }
    }

    public func markRunning(_ jobID: String, at now: Date) async throws(JobStoreError) -> JobStatus? {
        let update = AWSClients.Expression(
            "SET #status = :running, updated_at = :now", names: ["#status": "status"],
            values: [
                ":running": .string(JobStatus.running.rawValue), ":queued": .string(JobStatus.queued.rawValue),
                ":now": .string(JobTimestamp.format(now)),
            ])
        return try await statusAfter(jobID, update, condition: "#status = :queued")
    }

    public func updateProgress(_ jobID: String, _ progress: JobProgress, at now: Date) async throws(JobStoreError)
        -> JobStatus?
    {
        let update = AWSClients.Expression(
            "SET progress = :progress, updated_at = :now", names: ["#status": "status"],
            values: [
                ":progress": try JobItem.progressValue(progress), ":running": .string(JobStatus.running.rawValue),
                ":now": .string(JobTimestamp.format(now)),
            ])
        return try await statusAfter(jobID, update, condition: "#status = :running")
    }

    public func finish(
        _ jobID: String, status: JobStatus, result: JobResult?, error: String?, at now: Date
    ) async throws(JobStoreError) -> JobStatus? {
        var values = Self.liveStatuses
        values[":target"] = .string(status.rawValue)
        values[":now"] = .string(JobTimestamp.format(now))
        var sets = ["#status = :target", "updated_at = :now"]
        var removes: [String] = []
        if let result {
            values[":result"] = .string(try JobItem.sortedJSON(result))
            sets.append("#result = :result")
        } else {
            removes.append("#result")
        }
        if let error {
            values[":error"] = .string(error)
            sets.append("#error = :error")
        } else {
            removes.append("#error")
        }
        let text =
            "SET " + sets.joined(separator: ", ")
            + (removes.isEmpty ? "" : " REMOVE " + removes.joined(separator: ", "))
        let update = AWSClients.Expression(
            text, names: ["#status": "status", "#result": "result", "#error": "error"], values: values)
        return try await statusAfter(jobID, update, condition: Self.isLive)
    }

    // MARK: Conditional writes

    private enum UpdateOutcome {
        case updated(DynamoItem)
        case refused(DynamoItem?)
    }

    /// One UpdateItem that only applies when `condition` holds; a refusal carries the item as it is.
    private func conditionalUpdate(_ jobID: String, _ update: AWSClients.Expression, condition: String)
        async throws(JobStoreError) -> UpdateOutcome
    {
        do {
            let item = try await client.updateItem(
                table: table, key: key(jobID), update: update, condition: "attribute_exists(job_id) AND " + condition,
                returnValues: .allNew, returnOldItemOnConditionFailure: true)
            return .updated(item ?? [:])
        } catch {
            if case .conditionalCheckFailed(let item) = error { return .refused(item) }
            throw .unavailable(error.description)
        }
    }

    /// The job's status after a conditional update: the new one, or the stored one when refused.
    private func statusAfter(_ jobID: String, _ update: AWSClients.Expression, condition: String)
        async throws(JobStoreError)
        -> JobStatus?
    {
        switch try await conditionalUpdate(jobID, update, condition: condition) {
        case .updated(let item), .refused(.some(let item)):
            return item["status"]?.stringValue.flatMap(JobStatus.init(rawValue:))
        case .refused(.none):
            return nil
        }
    }
}

/// The mapping between `JobRecord` and the DynamoDB item layout of the shared contract.
enum JobItem {
    static func item(for record: JobRecord) throws(JobStoreError) -> DynamoItem {
        var item: DynamoItem = [
            "job_id": .string(record.jobID), "status": .string(record.status.rawValue),
            "created_at": .string(JobTimestamp.format(record.createdAt)),
            "deadline_at": .string(JobTimestamp.format(record.deadlineAt)),
            "updated_at": .string(JobTimestamp.format(record.updatedAt)),
            "ttl": .number(Int(record.expiresAt.timeIntervalSince1970.rounded(.up))),
        ]
        if let progress = record.progress { item["progress"] = try progressValue(progress) }
        if let result = record.result { item["result"] = .string(try sortedJSON(result)) }
        if let error = record.error { item["error"] = .string(error) }
        return item
    }

    /// The record an item holds; an item this code did not write (or a result it cannot read) is an error that
    /// names the job, never a job without letters.
    static func record(from item: DynamoItem) throws(JobStoreError) -> JobRecord {
        let name = item["job_id"]?.stringValue ?? "(no job_id)"
        guard let jobID = item["job_id"]?.stringValue,
            let status = item["status"]?.stringValue.flatMap(JobStatus.init(rawValue:)),
            let createdAt = item["created_at"]?.stringValue.flatMap(JobTimestamp.parse),
            let deadlineAt = item["deadline_at"]?.stringValue.flatMap(JobTimestamp.parse)
        else { throw .unavailable("job item \(name) lacks a readable job_id, status, created_at or deadline_at") }
        var result: JobResult?
        if let text = item["result"]?.stringValue {
            do {
                result = try JSONDecoder().decode(JobResult.self, from: Data(text.utf8))
            } catch {
                throw .unavailable("job \(jobID) has a result that cannot be read: \(error)")
            }
        }
        let ttl = item["ttl"]?.numberText.flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
        return JobRecord(
            jobID: jobID, status: status, createdAt: createdAt, deadlineAt: deadlineAt,
            expiresAt: ttl ?? deadlineAt,
            updatedAt: item["updated_at"]?.stringValue.flatMap(JobTimestamp.parse),
            progress: item["progress"].flatMap(progress(from:)),
            result: result,
            error: item["error"]?.stringValue)
    }

    static func progressValue(_ progress: JobProgress) throws(JobStoreError) -> AttributeValue {
        let counts = progress.counts
        var map: [String: AttributeValue] = [
            "phase": .string(progress.phase.rawValue), "message": .string(progress.message),
            "counts": .map([
                "queries_done": .number(counts.queriesDone), "queries_total": .number(counts.queriesTotal),
                "listings_found": .number(counts.listingsFound), "listings_scored": .number(counts.listingsScored),
                "letters_written": .number(counts.lettersWritten), "letters_total": .number(counts.lettersTotal),
            ]),
        ]
        if let stop = progress.searchStop {
            map["search_stop"] = .map([
                "reason": .string(stop.reason.rawValue), "queries_done": .number(stop.queriesDone),
                "queries_total": .number(stop.queriesTotal), "limit": .number(stop.limit),
            ])
        }
        if let summary = progress.profileSummary { map["profile_summary"] = .string(try sortedJSON(summary)) }
        return .map(map)
    }

    static func progress(from value: AttributeValue) -> JobProgress? {
        guard let map = value.mapValue, let phase = map["phase"]?.stringValue.flatMap(JobPhase.init(rawValue:))
        else { return nil }
        let counts = map["counts"]?.mapValue ?? [:]
        func count(_ name: String) -> Int { counts[name]?.intValue ?? 0 }
        var searchStop: SearchStop?
        if let stop = map["search_stop"]?.mapValue,
            let reason = stop["reason"]?.stringValue.flatMap(SearchStop.Reason.init(rawValue:))
        {
            searchStop = SearchStop(
                reason: reason, queriesDone: stop["queries_done"]?.intValue ?? 0,
                queriesTotal: stop["queries_total"]?.intValue ?? 0, limit: stop["limit"]?.intValue ?? 0)
        }
        // The summary is a preview of the one the result carries: one this code cannot read is left out.
        let summary = map["profile_summary"]?.stringValue.flatMap {
            try? JSONDecoder().decode(ProfileSummary.self, from: Data($0.utf8))
        }
        return JobProgress(
            phase: phase, message: map["message"]?.stringValue,
            counts: JobCounts(
                queriesDone: count("queries_done"), queriesTotal: count("queries_total"),
                listingsFound: count("listings_found"), listingsScored: count("listings_scored"),
                lettersWritten: count("letters_written"), lettersTotal: count("letters_total")),
            profileSummary: summary, searchStop: searchStop)
    }

    /// JSON with sorted keys, for the `result` text and the progress's summary.
    static func sortedJSON(_ value: some Encodable) throws(JobStoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .unavailable("cannot encode the job's \(type(of: value)): \(error)")
        }
    }
}
