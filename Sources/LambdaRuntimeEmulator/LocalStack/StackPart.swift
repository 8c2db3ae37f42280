import ServiceLifecycle

/// One part of a `LocalStack` as a service of its `ServiceGroup`: the part already listens when the group
/// starts, so running it means waiting for the group's graceful shutdown and then closing the part.
struct StackPart: Service, CustomStringConvertible {
    let description: String
    let stop: @Sendable () async -> Void

    init(_ name: String, stop: @escaping @Sendable () async -> Void) {
        self.description = name
        self.stop = stop
    }

    func run() async {
        do {
            try await gracefulShutdown()
        } catch {
            // Cancelled rather than shut down gracefully (the group's task was cancelled): the part closes
            // all the same.
        }
        await stop()
    }
}
