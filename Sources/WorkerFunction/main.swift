import JobsAI
import LambdaRuntime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// WorkerFunction: receives a `WorkerEvent` (asynchronous Invoke from the API), runs the job's pipeline and
// records its end in the jobs table. The answer names the job's final status.
let environment = ProcessInfo.processInfo.environment
await Lambda.run {
    let services = try WorkerServices(environment: environment)
    return ClosureLambdaHandler<WorkerEvent, JobRunOutcome> { event, context in
        let deadline = Date(timeIntervalSince1970: Double(context.deadline.millisecondsSinceEpoch) / 1000)
        return try await services.runner(logger: context.logger).run(event, lambdaDeadline: deadline)
    }
}
