import Dispatch
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM handling: Lambda (and the emulator) send SIGTERM before SIGKILL; log it and exit cleanly.
enum SignalHandling {
    /// Installs the handler; keep the returned source alive for as long as it should act.
    static func exitOnTermination(logger: Logger) -> any DispatchSourceSignal {
        signal(SIGTERM, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
        source.setEventHandler {
            logger.info("SIGTERM received, shutting down")
            exit(0)
        }
        source.resume()
        return source
    }
}
