import Foundation
import LocalDynamo

/// `EventSourceMappingConfiguration` as the Lambda API answers it.
enum EventSourceMappingDocument {
    /// The document of `mapping`; `state` overrides the settled state (`Creating`, `Updating`, `Deleting` in
    /// the answers to those calls).
    static func json(
        _ mapping: EventSourceMapping, functionArn: String, lastResult: String, state: String? = nil
    ) -> JSON {
        func number(_ value: Int) -> JSON { .number(String(value)) }
        let modified = (mapping.lastModified.timeIntervalSince1970 * 1000).rounded() / 1000
        var document: [String: JSON] = [
            "UUID": .string(mapping.uuid),
            "StartingPosition": .string(mapping.startingPosition),
            "BatchSize": number(mapping.batchSize),
            "MaximumBatchingWindowInSeconds": number(mapping.maximumBatchingWindowInSeconds),
            "ParallelizationFactor": number(mapping.parallelizationFactor),
            "EventSourceArn": .string(mapping.eventSourceArn),
            "FunctionArn": .string(functionArn),
            "LastModified": .number(String(modified)),
            "LastProcessingResult": .string(lastResult),
            "State": .string(state ?? (mapping.enabled ? "Enabled" : "Disabled")),
            "StateTransitionReason": .string("User action"),
            "DestinationConfig": .object([
                "OnFailure": .object(mapping.onFailureDestination.map { ["Destination": .string($0)] } ?? [:])
            ]),
            "MaximumRecordAgeInSeconds": number(mapping.maximumRecordAgeInSeconds),
            "BisectBatchOnFunctionError": .bool(mapping.bisectBatchOnFunctionError),
            "MaximumRetryAttempts": number(mapping.maximumRetryAttempts),
            "TumblingWindowInSeconds": number(0),
            "FunctionResponseTypes": .array(
                mapping.reportBatchItemFailures ? [.string("ReportBatchItemFailures")] : []),
            "EventSourceMappingArn": .string(arn(of: mapping, functionArn: functionArn)),
        ]
        if !mapping.filterPatterns.isEmpty {
            document["FilterCriteria"] = .object([
                "Filters": .array(mapping.filterPatterns.map { .object(["Pattern": .string($0)]) })
            ])
        }
        return .object(document)
    }

    /// `arn:aws:lambda:<region>:<account>:event-source-mapping:<UUID>`, in the function's region and account.
    static func arn(of mapping: EventSourceMapping, functionArn: String) -> String {
        let parts = functionArn.split(separator: ":", omittingEmptySubsequences: false)
        let (region, account) = parts.count > 4 ? (parts[3], parts[4]) : ("us-east-1", "123456789012")
        return "arn:aws:lambda:\(region):\(account):event-source-mapping:\(mapping.uuid)"
    }
}
