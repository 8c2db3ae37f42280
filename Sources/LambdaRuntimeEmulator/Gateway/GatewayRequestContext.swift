import Hummingbird
import Logging
import NIOCore

/// A request context that remembers the TCP peer, the event's `sourceIp` (never `X-Forwarded-For`).
struct GatewayRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let peerAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress ?? "127.0.0.1"
    }
}
