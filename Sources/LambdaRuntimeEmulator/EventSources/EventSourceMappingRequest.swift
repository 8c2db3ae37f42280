import Foundation
import LocalDynamo

/// The JSON bodies of CreateEventSourceMapping and UpdateEventSourceMapping, checked as Lambda checks them for
/// DynamoDB streams. Model bounds are `ValidationException`s; rules of DynamoDB sources are
/// `InvalidParameterValueException`s.
enum EventSourceMappingRequest {
    /// Members that only other sources (queues, Kafka, MQ, DocumentDB) take.
    static let otherSourcesOnly: Set<String> = [
        "Topics", "Queues", "SourceAccessConfigurations", "SelfManagedEventSource", "ScalingConfig",
        "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig", "DocumentDBEventSourceConfig",
        "ProvisionedPollerConfig",
    ]

    /// The body's members.
    static func members(_ body: [UInt8]) throws(InvokeAPIError) -> [String: JSON] {
        if body.isEmpty { return [:] }
        do {
            guard case .object(let members) = try JSON.parse(body) else {
                throw InvokeAPIError.invalidContent("Could not parse request body into json")
            }
            return members
        } catch {
            throw .invalidContent("Could not parse request body into json")
        }
    }

    /// A required string member.
    static func string(_ members: [String: JSON], _ name: String) throws(InvokeAPIError) -> String? {
        guard let value = members[name], value != .null else { return nil }
        guard case .string(let text) = value else { throw .invalidContent("\(name) must be a string") }
        return text
    }

    /// Applies the settings of a Create or Update body to `mapping`.
    static func apply(_ members: [String: JSON], to mapping: inout EventSourceMapping) throws(InvokeAPIError) {
        for name in members.keys where otherSourcesOnly.contains(name) {
            throw .invalidParameter("\(name) is not supported for DynamoDB stream event sources")
        }
        if let enabled = try bool(members, "Enabled") { mapping.enabled = enabled }
        if let size = try integer(members, "BatchSize", EventSourceMapping.batchSizeRange) { mapping.batchSize = size }
        if let window = try integer(
            members, "MaximumBatchingWindowInSeconds", EventSourceMapping.batchingWindowRange)
        {
            mapping.maximumBatchingWindowInSeconds = window
        }
        if let factor = try integer(members, "ParallelizationFactor", EventSourceMapping.parallelizationRange) {
            mapping.parallelizationFactor = factor
        }
        if let age = try integer(members, "MaximumRecordAgeInSeconds", EventSourceMapping.recordAgeRange) {
            guard age == -1 || age >= 60 else {
                throw .invalidParameter("MaximumRecordAgeInSeconds must be -1 or between 60 and 604800")
            }
            mapping.maximumRecordAgeInSeconds = age
        }
        if let retries = try integer(members, "MaximumRetryAttempts", EventSourceMapping.retryAttemptsRange) {
            mapping.maximumRetryAttempts = retries
        }
        if let bisect = try bool(members, "BisectBatchOnFunctionError") { mapping.bisectBatchOnFunctionError = bisect }
        if let window = try integer(members, "TumblingWindowInSeconds", 0...900), window > 0 {
            throw .invalidParameter("TumblingWindowInSeconds is not supported by the emulator")
        }
        if let types = members["FunctionResponseTypes"] {
            mapping.reportBatchItemFailures = try responseTypes(types)
        }
        if let criteria = members["FilterCriteria"] { mapping.filterPatterns = try filterPatterns(criteria) }
        if let destinations = members["DestinationConfig"] {
            mapping.onFailureDestination = try onFailure(destinations)
        }
    }

    private static func bool(_ members: [String: JSON], _ name: String) throws(InvokeAPIError) -> Bool? {
        guard let value = members[name], value != .null else { return nil }
        guard case .bool(let flag) = value else { throw .invalidContent("\(name) must be a boolean") }
        return flag
    }

    private static func integer(_ members: [String: JSON], _ name: String, _ range: ClosedRange<Int>)
        throws(InvokeAPIError) -> Int?
    {
        guard let value = members[name], value != .null else { return nil }
        guard case .number(let text) = value, let number = Int(text) else {
            throw .invalidContent("\(name) must be an integer")
        }
        let member = name.prefix(1).lowercased() + name.dropFirst()
        try InvokeAPIError.checkRange(number, member: member, range)
        return number
    }

    private static func responseTypes(_ value: JSON) throws(InvokeAPIError) -> Bool {
        guard case .array(let items) = value else { throw .invalidContent("FunctionResponseTypes must be a list") }
        guard items.count <= 1 else {
            throw InvokeAPIError.validation(
                "Value '\(items.count)' at 'functionResponseTypes' failed to satisfy constraint: Member must have length less than or equal to 1"
            )
        }
        for item in items where item != .string("ReportBatchItemFailures") {
            throw InvokeAPIError.validation(
                "Value at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy enum value set: [ReportBatchItemFailures]"
            )
        }
        return !items.isEmpty
    }

    private static func filterPatterns(_ value: JSON) throws(InvokeAPIError) -> [String] {
        guard case .object(let criteria) = value else { throw .invalidContent("FilterCriteria must be an object") }
        guard let filters = criteria["Filters"], filters != .null else { return [] }
        guard case .array(let items) = filters else { throw .invalidContent("FilterCriteria.Filters must be a list") }
        guard items.count <= EventSourceMapping.maximumFilters else {
            throw .invalidParameter(
                "The number of filters (\(items.count)) exceeds the quota of \(EventSourceMapping.maximumFilters)")
        }
        var patterns: [String] = []
        for item in items {
            guard case .object(let filter) = item, case .string(let pattern)? = filter["Pattern"] else {
                throw .invalidContent("Each filter must have a Pattern string")
            }
            guard pattern.utf8.count <= 4096 else {
                throw InvokeAPIError.validation(
                    "Value at 'filterCriteria.filters.member.pattern' failed to satisfy constraint: Member must have length less than or equal to 4096"
                )
            }
            do throws(EventFilterPattern.Invalid) {
                _ = try EventFilterPattern(pattern)
            } catch {
                throw .invalidParameter("Invalid filter pattern definition. \(error.reason)")
            }
            patterns.append(pattern)
        }
        return patterns
    }

    private static func onFailure(_ value: JSON) throws(InvokeAPIError) -> String? {
        guard case .object(let config) = value else { throw .invalidContent("DestinationConfig must be an object") }
        if case .object(let success)? = config["OnSuccess"], success["Destination"] != nil {
            throw .invalidParameter("Unsupported OnSuccess destination for DynamoDB stream event sources")
        }
        guard case .object(let failure)? = config["OnFailure"] else { return nil }
        guard case .string(let arn)? = failure["Destination"], !arn.isEmpty else { return nil }
        return arn
    }
}

extension InvokeAPIError {
    /// Lambda's `ValidationException` for a request that breaks the API model.
    static func validation(_ detail: String) -> InvokeAPIError {
        InvokeAPIError(status: 400, code: "ValidationException", message: "1 validation error detected: \(detail)")
    }

    /// A `ValidationException` naming `member` when `value` lies outside `range`.
    static func checkRange(_ value: Int, member: String, _ range: ClosedRange<Int>) throws(InvokeAPIError) {
        guard !range.contains(value) else { return }
        let bound =
            value < range.lowerBound
            ? "greater than or equal to \(range.lowerBound)" : "less than or equal to \(range.upperBound)"
        throw validation(
            "Value '\(value)' at '\(member)' failed to satisfy constraint: Member must have value \(bound)")
    }
}
