import Foundation
import LambdaRuntime

// The event sources sample (Fixtures/event-sources): one bootstrap, two handlers chosen by the template's
// `Handler` (`_HANDLER`): `audit` turns a DynamoDB stream batch into audit objects in a bucket, `index` records
// each audit object the bucket's notification reports in a table.
let environment = ProcessInfo.processInfo.environment
switch environment["_HANDLER"] {
case "index":
    await Lambda.run(environment: environment) { try AuditIndexer(environment: environment) }
default:
    await Lambda.run(environment: environment) { try AuditWriter(environment: environment) }
}
