import Foundation
import LocalDynamo
import Logging

/// Every event source mapping of the emulator (DynamoDB streams to functions): those the template declares and
/// those created through the Invoke API port, stored so they and their stream positions survive restarts. Each
/// enabled mapping has one poller task once LocalDynamo is connected.
public actor EventSourceMappings {
    /// Runs one synchronous invocation of a function; nil when the function does not exist.
    public typealias Invoke = @Sendable (String, InvocationRequest) async -> StreamInvocation?

    private let store: EventSourceStore
    private let deadLetters: AsyncEventStore
    private let invoke: Invoke
    /// Function name → ARN, for every hosted function.
    private let functionArns: [String: String]
    private let retryDelays: [Duration]
    private let idleInterval: Duration
    private let logger: Logger
    private var engine: DynamoEngine?
    private var mappings: [String: EventSourceMapping] = [:]
    private var pollers: [String: Task<Void, Never>] = [:]
    private var results: [String: String] = [:]

    init(
        path: String, deadLetters: AsyncEventStore, functionArns: [String: String], retryDelays: [Duration],
        idleInterval: Duration = .milliseconds(250), logger: Logger, invoke: @escaping Invoke
    ) throws {
        store = try EventSourceStore(path: path)
        self.deadLetters = deadLetters
        self.functionArns = functionArns
        self.retryDelays = retryDelays
        self.idleInterval = idleInterval
        self.logger = logger
        self.invoke = invoke
    }

    /// Reads the stored mappings, brings the template's in line with `template` (same UUIDs, so their positions
    /// are kept; one the template no longer declares is deleted) and starts polling. Returns every mapping.
    @discardableResult
    public func connect(engine: DynamoEngine, template: [EventSourceMapping]) async throws -> [EventSourceMapping] {
        self.engine = engine
        for mapping in try await store.mappings() { mappings[mapping.uuid] = mapping }
        let declared = Set(template.map(\.uuid))
        for stale in mappings.values where stale.templateOrigin != nil && !declared.contains(stale.uuid) {
            try await store.delete(uuid: stale.uuid)
            mappings[stale.uuid] = nil
        }
        for var mapping in template {
            // A template's mapping keeps its position when only its settings changed since the last run.
            if let stored = mappings[mapping.uuid] { mapping.lastModified = stored.lastModified }
            if mappings[mapping.uuid] != mapping { try await store.save(mapping) }
            mappings[mapping.uuid] = mapping
        }
        for mapping in mappings.values { startPolling(mapping) }
        return mappings.values.sorted { $0.uuid < $1.uuid }
    }

    /// Stops every poller without waiting for a batch in flight (the environments it runs in are stopped next);
    /// a batch cut short has stored no position, so it runs again after the next start.
    public func stop() {
        for poller in pollers.values { poller.cancel() }
        pollers = [:]
    }

    // MARK: The API operations

    /// CreateEventSourceMapping: the stream must exist and have no mapping to the same function yet.
    func create(_ mapping: EventSourceMapping) async throws(InvokeAPIError) -> EventSourceMapping {
        try await requireStream(mapping.eventSourceArn)
        if let existing = mappings.values.first(where: {
            $0.functionName == mapping.functionName && $0.eventSourceArn == mapping.eventSourceArn
        }) {
            throw InvokeAPIError(
                status: 409, code: "ResourceConflictException",
                message: "An event source mapping with DynamoDB stream arn: \(mapping.eventSourceArn) and function: "
                    + "\(mapping.functionName) already exists. Please update or delete the existing mapping with "
                    + "UUID \(existing.uuid)")
        }
        try await save(mapping)
        logger.info("event source mapping", metadata: EventSources.metadata(mapping))
        startPolling(mapping)
        return mapping
    }

    func mapping(_ uuid: String) throws(InvokeAPIError) -> EventSourceMapping {
        guard let mapping = mappings[uuid] else {
            throw InvokeAPIError(
                status: 404, code: "ResourceNotFoundException",
                message: "The resource you requested does not exist. (Service: Lambda, Status Code: 404)")
        }
        return mapping
    }

    /// Mappings of a stream and/or a function, ordered by UUID.
    func list(eventSourceArn: String?, functionName: String?) -> [EventSourceMapping] {
        mappings.values.filter { mapping in
            (eventSourceArn == nil || mapping.eventSourceArn == eventSourceArn)
                && (functionName == nil || mapping.functionName == functionName)
        }.sorted { $0.uuid < $1.uuid }
    }

    /// UpdateEventSourceMapping: the poller restarts with the new settings at the stored position.
    func update(_ uuid: String, _ change: @Sendable (inout EventSourceMapping) throws(InvokeAPIError) -> Void)
        async throws(InvokeAPIError) -> EventSourceMapping
    {
        var mapping = try self.mapping(uuid)
        try change(&mapping)
        mapping.lastModified = Date()
        await stopPolling(uuid)
        try await save(mapping)
        startPolling(mapping)
        return mapping
    }

    /// DeleteEventSourceMapping (a template's mapping comes back at the next start, as the template declares it).
    func delete(_ uuid: String) async throws(InvokeAPIError) -> EventSourceMapping {
        let mapping = try self.mapping(uuid)
        await stopPolling(uuid)
        do {
            try await store.delete(uuid: uuid)
        } catch {
            throw .service("could not delete the event source mapping: \(error)")
        }
        mappings[uuid] = nil
        results[uuid] = nil
        return mapping
    }

    /// `LastProcessingResult`.
    func lastResult(_ uuid: String) -> String { results[uuid] ?? "No records processed" }

    func functionArn(_ name: String) -> String {
        functionArns[name] ?? "arn:aws:lambda:us-east-1:123456789012:function:\(name)"
    }

    // MARK: Internals

    private func save(_ mapping: EventSourceMapping) async throws(InvokeAPIError) {
        do {
            try await store.save(mapping)
        } catch {
            throw .service("could not store the event source mapping: \(error)")
        }
        mappings[mapping.uuid] = mapping
    }

    private func requireStream(_ arn: String) async throws(InvokeAPIError) {
        guard EventSourceMapping.tableName(ofStream: arn) != nil else {
            throw .invalidParameter("The emulator maps DynamoDB streams only: \(arn)")
        }
        guard let engine else {
            throw .invalidParameter("Stream not found: \(arn) (serve runs without LocalDynamo)")
        }
        do {
            _ = try await engine.performInBackground(
                "DescribeStream", .object(["StreamArn": .string(arn), "Limit": .number("1")]))
        } catch {
            throw .invalidParameter("Stream not found: \(arn)")
        }
    }

    private func startPolling(_ mapping: EventSourceMapping) {
        guard mapping.enabled, let engine, pollers[mapping.uuid] == nil else { return }
        guard let functionArn = functionArns[mapping.functionName] else {
            logger.error(
                "event source mapping names a function the emulator does not host; not polling",
                metadata: ["uuid": .string(mapping.uuid), "function": .string(mapping.functionName)])
            results[mapping.uuid] = "PROBLEM: Function not found"
            return
        }
        let (invoke, deadLetters, function) = (self.invoke, self.deadLetters, mapping.functionName)
        let uuid = mapping.uuid
        let environment = StreamDeliveryEnvironment(
            invoke: { payload, requestID in
                await invoke(function, InvocationRequest(requestID: requestID, payload: payload))
                    ?? .failed(
                        ErrorDocument.make(
                            type: "ResourceNotFoundException", message: "Function not found: \(function)"))
            },
            checkpoint: { _ in },
            deadLetter: { failure in
                try await deadLetters.addDeadLetter(
                    function: function, requestID: failure.requestID, payload: failure.payload, error: failure.error,
                    attempts: failure.invokeCount, condition: failure.condition,
                    batchInfo: String(decoding: failure.record.serialized(), as: UTF8.self), at: failure.time)
            })
        let poller = StreamPoller(
            mapping: mapping, functionArn: functionArn, reader: StreamReader(engine: engine), store: store,
            retryDelays: retryDelays, idleInterval: idleInterval, environment: environment,
            report: { [weak self] result in await self?.record(result, for: uuid) }, logger: logger)
        pollers[uuid] = Task { await poller.run() }
    }

    private func stopPolling(_ uuid: String) async {
        guard let poller = pollers.removeValue(forKey: uuid) else { return }
        poller.cancel()
        await poller.value
    }

    private func record(_ result: String, for uuid: String) {
        guard mappings[uuid] != nil else { return }
        results[uuid] = result
        if result.hasPrefix("PROBLEM") {
            logger.warning(
                "event source mapping batch failed", metadata: ["uuid": .string(uuid), "result": .string(result)])
        }
    }
}
