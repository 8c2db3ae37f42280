import AWSClients
import JobsAI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The real invoker: Lambda `Invoke` with `InvocationType: Event` (the platform queues it and answers 202).
public struct LambdaWorkerInvoker: WorkerInvoking {
    let client: LambdaClient
    let functionName: String

    public init(client: LambdaClient, functionName: String) {
        self.client = client
        self.functionName = functionName
    }

    public func invoke(_ event: WorkerEvent) async throws(WorkerInvokeError) {
        let payload: [UInt8]
        do { payload = Array(try JSONEncoder().encode(event)) } catch {
            throw WorkerInvokeError("cannot encode the worker event: \(error)")
        }
        let result: LambdaClient.InvocationResult
        do {
            result = try await client.invoke(function: functionName, payload: payload, type: .event)
        } catch {
            throw WorkerInvokeError("invoking \(functionName) failed: \(error)")
        }
        guard result.statusCode == 202 else {
            throw WorkerInvokeError("invoking \(functionName) answered \(result.statusCode) instead of 202")
        }
    }
}
