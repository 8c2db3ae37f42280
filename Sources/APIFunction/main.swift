import LambdaRuntime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// The API bootstrap: the contract's environment, AWS clients from `AWS_ENDPOINT_URL_*`, then the handler loop.
// A configuration problem fails the init (reported to `/init/error`), never a request.
let environment = ProcessInfo.processInfo.environment
await Lambda.run(environment: environment) { try APIFunctionHandler(environment: environment) }
