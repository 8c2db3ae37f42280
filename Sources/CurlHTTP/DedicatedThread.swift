#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts a detached POSIX thread running one closure (Foundation's `Thread` without Foundation).
enum DedicatedThread {
    /// Runs `body` on a new thread. Traps if no thread can be created: a client without its transfer thread
    /// could never complete a request.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(ThreadBody(body: body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        #if canImport(Glibc)
            var thread = pthread_t()
        #else
            var thread: pthread_t?
        #endif
        let result = pthread_create(
            &thread, &attributes,
            { context in
                guard let context else { return nil }
                let threadBody = Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue()
                threadBody.body()
                return nil
            }, context)
        precondition(result == 0, "pthread_create failed (\(result))")
    }
}

/// What a new thread runs, passed through `pthread_create`'s context pointer.
private final class ThreadBody: Sendable {
    let body: @Sendable () -> Void

    init(body: @escaping @Sendable () -> Void) { self.body = body }
}
